// The custom policy checks in the editor (LSP glue only; the checks are in server/src/checks):
// - CRITICAL_ACCESS_GRANTED: every policy, as you type, against iamSts.criticalAccess;
// - NEW_ACCESS_VS_HEAD: on request from the client (on save, or the "Compare access with HEAD"
//   code lens), the open document against the committed text the client read from git. Kept for
//   the version it was computed on: an edit moves statements, so the next save recomputes it.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkAccessNotGranted, checkNoNewAccess, readAccessList, type AccessToCheck } from '../checks';
import type { IamData } from '../data/iamData';
import type { Problem } from '../analysis/problem';
import type { DocumentAnalysis } from '../analysis/region';
import { parsePolicyText } from '../policy/parse';
import { compareWithHeadRequest, type CompareWithHeadResult } from '../protocol';
import { runSafe, type Logger } from '../runSafe';
import type { ServerSettings } from '../settings';
import { toDiagnostics } from './diagnostics';

export type { AccessToCheck };

/** iamSts.criticalAccess as the user wrote it; entries that are no access entry are dropped. */
export function readCriticalAccess(raw: unknown): AccessToCheck[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    try {
      return readAccessList([entry]);
    } catch {
      return [];
    }
  });
}

export interface AccessChecksDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: Logger;
  iamData: Promise<IamData>;
  analyze: (document: TextDocument) => Promise<DocumentAnalysis>;
  revalidate: (document: TextDocument) => void;
  settings: () => ServerSettings;
}

export function createAccessChecks(deps: AccessChecksDeps) {
  const headProblems = new Map<string, { version: number; problems: Problem[] }>();

  deps.documents.onDidClose((e) => headProblems.delete(e.document.uri));

  deps.connection.onRequest(compareWithHeadRequest, (params) =>
    runSafe<CompareWithHeadResult>(deps.logger, 'compareWithHead', { result: 'NOT_A_POLICY', message: 'The comparison failed.', statements: [] }, undefined, async () => {
      const document = deps.documents.get(params.uri);
      const analysis = document && (await deps.analyze(document));
      // A policy file, compared as a whole with its committed version (not yet a template's policies).
      const region = analysis?.host === 'policy' ? analysis.regions[0] : undefined;
      if (!document || !region) {
        headProblems.delete(params.uri);
        return { result: 'NOT_A_POLICY', message: 'The document is not an IAM policy.', statements: [] };
      }
      const head = params.headText === null ? undefined : parsePolicyText(params.headText).model;
      if (!head) {
        headProblems.delete(params.uri);
        deps.revalidate(document);
        return { result: 'NOT_A_POLICY', message: 'HEAD holds no IAM policy at this path.', statements: [] };
      }
      const model = region.model;
      const result = checkNoNewAccess(head, model, region.kind, { data: await deps.iamData });
      const problems: Problem[] = result.reasons.map((r) => ({
        source: 'lint',
        code: 'NEW_ACCESS_VS_HEAD',
        type: 'SUGGESTION',
        message: `Compared with HEAD: ${r.description}`,
        range: model.statements[r.statementIndex].range,
      }));
      if (result.truncated) {
        problems.push({ source: 'lint', code: 'NEW_ACCESS_VS_HEAD', type: 'SUGGESTION', message: result.message, range: { start: model.range.start, end: model.range.start + 1 } });
      }
      headProblems.set(params.uri, { version: document.version, problems });
      deps.revalidate(document);
      return { result: result.result, message: result.message, statements: (result.details ?? []).map((d) => ({ statementIndex: d.statementIndex, actions: d.actions })) };
    }),
  );

  return {
    /** Diagnostics of both checks for this version of the document, merged into its validation. */
    async diagnosticsFor(document: TextDocument, analysis: DocumentAnalysis): Promise<Diagnostic[]> {
      const problems: Problem[] = [];
      const head = headProblems.get(document.uri);
      if (head && head.version === document.version) problems.push(...head.problems);
      const critical = deps.settings().criticalAccess;
      // Every policy of the document, embedded ones included.
      for (const region of critical.length > 0 ? analysis.regions : []) {
        const model = region.model;
        const result = checkAccessNotGranted(model, region.kind, critical, { data: await deps.iamData });
        for (const r of result.reasons) {
          problems.push({
            source: 'lint',
            code: 'CRITICAL_ACCESS_GRANTED',
            type: 'SECURITY_WARNING',
            message: `${r.description} It is listed in iamSts.criticalAccess.`,
            range: model.statements[r.statementIndex].range,
          });
        }
      }
      return toDiagnostics(document, problems, { overrides: deps.settings().diagnostics });
    },
  };
}

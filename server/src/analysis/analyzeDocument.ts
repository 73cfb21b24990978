// The analysis pipeline: a document's text → its policies, each checked. Shared by the language
// server and the CLI. Host formats are found by server/src/embedded/; the engine and the
// linter only ever see policy models.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind, PolicyModel } from '../policy/model';
import { analyzePolicyText, type LintInputs } from './analyzePolicy';
import { DEFAULT_MAX_FILE_SIZE, type Problem } from './problem';
import type { DocumentAnalysis, PolicyRegion } from './region';
import { jsonWriter } from './writers/jsonWriter';

export interface AnalysisSettings {
  /** The kind of a policy file (the user's choice, the settings' globs, the name, the content). */
  kindOf: (model: PolicyModel) => DocumentKind;
  maxFileSize?: number;
  /** The document, when the caller has one: its line table serves every position. */
  textDocument?: TextDocument;
  /** Runs the linter too when given. */
  lint?: LintInputs;
}

export async function analyzeDocument(text: string, uri: string, settings: AnalysisSettings): Promise<DocumentAnalysis> {
  if (text.length > (settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return { host: 'policy', regions: [], syntaxProblems: [], skippedTooLarge: true };
  const textDocument = settings.textDocument ?? TextDocument.create(uri, 'json', 0, text);
  const analysis = await analyzePolicyText(text, { kind: settings.kindOf, maxFileSize: Infinity, textDocument, lint: settings.lint });
  const syntaxProblems: Problem[] = analysis.parsed.syntaxErrors.map((e) => ({ source: 'syntax', code: 'JSON_SYNTAX_ERROR', type: 'ERROR', message: e.message, range: e.range }));
  if (!analysis.model || !analysis.kind || !analysis.parsed.root) return { host: 'policy', regions: [], syntaxProblems };
  const region: PolicyRegion = {
    kind: analysis.kind,
    model: analysis.model,
    problems: analysis.problems,
    hostRange: { start: 0, end: text.length },
    locator: undefined,
    syntax: 'json',
    root: analysis.parsed.root,
    writer: jsonWriter,
    unknownRanges: [],
    parsed: analysis.parsed,
  };
  return { host: 'policy', regions: [region], syntaxProblems };
}

// A code lens above each policy inside a template or a `.tf` file: its kind and how many
// findings it has; clicking lists that policy's findings to pick one and go to it. A policy
// file has none: the status bar says its kind.
import type { CodeLens } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../documentStore';
import type { DocumentKind } from '../policy/model';
import { clientCommands, type PolicyFinding, type PolicyFindingsArgs } from '../protocol';
import { toDiagnostics, type SeverityOverride } from './diagnostics';

const KIND_LABELS: Record<DocumentKind, string> = {
  identity: 'IAM identity policy',
  resource: 'IAM resource policy',
  trust: 'IAM trust policy',
  session: 'IAM session policy',
  boundary: 'IAM permissions boundary',
  scp: 'service control policy',
  rcp: 'resource control policy',
};

export function codeLensesFor(analyzed: AnalyzedDocument, overrides: Record<string, SeverityOverride>): CodeLens[] {
  const { analysis, textDocument } = analyzed;
  if (analysis.host === 'policy') return [];
  return analysis.regions.map((region) => {
    // The diagnostics the editor shows for this policy, severities overridden and 'off' left out.
    const findings: PolicyFinding[] = toDiagnostics(textDocument, region.problems, { overrides }).map((d) => ({
      severity: (d.severity ?? 1) as PolicyFinding['severity'],
      code: String(d.code),
      message: d.message,
      range: d.range,
    }));
    const count = findings.length;
    const counted = count === 0 ? 'no findings' : `${count} ${count === 1 ? 'finding' : 'findings'}`;
    const start = textDocument.positionAt(region.anchor);
    const args: PolicyFindingsArgs = { uri: textDocument.uri, locator: region.locator ?? '', kind: KIND_LABELS[region.kind], findings };
    return {
      range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
      command: { title: `${KIND_LABELS[region.kind]}: ${counted}`, command: count > 0 ? clientCommands.showPolicyFindings : '', tooltip: region.locator, ...(count > 0 ? { arguments: [args] } : {}) },
    };
  });
}

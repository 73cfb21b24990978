// A code lens above each policy inside a template or a `.tf` file: its kind and how many
// findings it has; clicking opens the Problems panel, which lists them. A policy file has none:
// the status bar says its kind.
import type { CodeLens } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../documentStore';
import type { DocumentKind } from '../policy/model';
import type { SeverityOverride } from './diagnostics';

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
    const count = region.problems.filter((p) => overrides[p.code] !== 'off').length;
    const findings = count === 0 ? 'no findings' : `${count} ${count === 1 ? 'finding' : 'findings'}`;
    const start = textDocument.positionAt(region.anchor);
    return {
      range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
      command: { title: `${KIND_LABELS[region.kind]}: ${findings}`, command: count > 0 ? 'workbench.actions.view.problems' : '', tooltip: region.locator },
    };
  });
}

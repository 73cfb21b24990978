// Hover: the explanation of the policy element under the cursor, as markdown.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { regionAt, type PolicyRegion } from '../analysis/region';
import type { IamData } from '../data/iamData';
import type { AnalyzedDocument } from '../documentStore';
import { explainAt } from '../explain/hover';

export function hoverFor(analyzed: AnalyzedDocument, params: HoverParams, data: IamData): Hover | null {
  const { analysis, textDocument } = analyzed;
  const offset = textDocument.offsetAt(params.position);
  const region = regionAt(analysis, offset);
  if (!region) return null;
  const explanation = explainAt(region.root, offset, data);
  if (!explanation) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: explanation.markdown + sessionNote(region, textDocument.getText().slice(explanation.range.start, explanation.range.end)) },
    range: rangeOf(textDocument, explanation.range),
  };
}

/**
 * On sts:AssumeRole in a template role's trust policy: how long the sessions it grants may last.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration
 */
function sessionNote(region: PolicyRegion, hovered: string): string {
  if (region.maxSessionDuration === undefined || !/sts:AssumeRole/i.test(hovered)) return '';
  const hours = region.maxSessionDuration / 3600;
  return `\n\nThis role's sessions last up to **${Number.isInteger(hours) ? `${hours} hour${hours === 1 ? '' : 's'}` : `${region.maxSessionDuration} seconds`}** (\`MaxSessionDuration\` ${region.maxSessionDuration}).`;
}

function rangeOf(doc: TextDocument, r: { start: number; end: number }) {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

// Hover: the explanation of the policy element under the cursor, as markdown.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { regionAt } from '../analysis/region';
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
    contents: { kind: MarkupKind.Markdown, value: explanation.markdown },
    range: rangeOf(textDocument, explanation.range),
  };
}

function rangeOf(doc: TextDocument, r: { start: number; end: number }) {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

// Hover: the explanation of the policy element under the cursor, as markdown.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamData } from '../data/iamData';
import type { AnalyzedDocument } from '../documentStore';
import { explainAt } from '../explain/hover';

export function hoverFor(analyzed: AnalyzedDocument, params: HoverParams, data: IamData): Hover | null {
  const { analysis, textDocument } = analyzed;
  const root = analysis.parsed.root;
  if (!analysis.model || !root) return null;
  const explanation = explainAt(root, textDocument.offsetAt(params.position), data);
  if (!explanation) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: explanation.markdown },
    range: rangeOf(textDocument, explanation.range),
  };
}

function rangeOf(doc: TextDocument, r: { start: number; end: number }) {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

// Heredoc JSON (`policy = <<EOF … EOF`): the content parsed as JSON in place. Each interpolation
// is masked by characters of the same length, so every offset stays the host's: inside a JSON
// string by `*`s, elsewhere by a string of `*`s (`${jsonencode(var.x)}` → `"*****************"`).
import { parseTree, type Node } from 'jsonc-parser';
import type { OffsetRange } from '../../policy/model';
import { addChild, type MutableNode } from '../tree';

export interface HeredocJson {
  root: Node | undefined;
  unknownRanges: OffsetRange[];
}

export function heredocJson(text: string, content: OffsetRange, interpolations: readonly OffsetRange[]): HeredocJson {
  const chars = text.slice(content.start, content.end).split('');
  const masked: OffsetRange[] = [];
  let inString = false;
  let next = 0;
  for (let i = 0; i < chars.length; i++) {
    const at = content.start + i;
    const interpolation = interpolations[next];
    if (interpolation && at === interpolation.start) {
      const length = interpolation.end - interpolation.start;
      for (let j = 0; j < length; j++) chars[i + j] = '*';
      if (!inString && length >= 2) {
        chars[i] = '"';
        chars[i + length - 1] = '"';
      }
      masked.push(interpolation);
      i += length - 1;
      next++;
      continue;
    }
    const c = chars[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  const root = parseTree(chars.join(''), [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return { root: undefined, unknownRanges: [] };
  const shifted = shift(root, content.start);
  // A value holding a masked interpolation is unknown; `$${` in the heredoc is a literal `${`.
  const unknownRanges: OffsetRange[] = [];
  const visit = (node: Node) => {
    if (node.type === 'string' || node.type === 'number') {
      const r = { start: node.offset, end: node.offset + node.length };
      if (masked.some((m) => m.start < r.end && r.start < m.end)) unknownRanges.push(r);
      if (typeof node.value === 'string' && node.value.includes('$${')) (node as MutableNode).value = node.value.replace(/\$\$\{/g, '${');
    }
    for (const c of node.children ?? []) visit(c);
  };
  visit(shifted);
  return { root: shifted, unknownRanges };
}

function shift(node: Node, by: number): Node {
  const copy: MutableNode = { type: node.type, offset: node.offset + by, length: node.length };
  if (node.value !== undefined) copy.value = node.value;
  if (node.colonOffset !== undefined) copy.colonOffset = node.colonOffset + by;
  if (node.children) {
    copy.children = [];
    for (const c of node.children) addChild(copy, shift(c, by));
  }
  return copy;
}

// The tree jsonc-parser's `parseTree` builds, built faster for the common case: text that
// `JSON.parse` accepts (strict JSON: no comments, no trailing commas, no errors to recover
// from). Such text needs no error recovery and no token values but strings and numbers, and
// the native parser has already checked it, so one pass over the characters places every node.
// Anything else (comments, errors, nesting past the limit) is left to jsonc-parser; the two are
// tested equal on every corpus document.
import type { Node } from 'jsonc-parser';

export interface StrictJson {
  /** The tree, node for node as `parseTree` builds it (the root has no `parent` key). */
  root: Node;
  /** What `JSON.parse` made of the text. */
  value: unknown;
}

class TooDeep extends Error {}

/** Nodes are filled in as their ends are found. */
type Building = { -readonly [K in keyof Node]: Node[K] };

/** The tree of text that is strict JSON nesting at most `maxDepth` levels; undefined for any other text. */
export function strictJsonTree(text: string, maxDepth: number): StrictJson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  try {
    return { root: validJsonTree(text, maxDepth), value };
  } catch (e) {
    if (e instanceof TooDeep) return undefined;
    throw e;
  }
}

/**
 * The tree of text already known to be strict JSON (`JSON.parse` accepts it); throws `TooDeep`
 * past `maxDepth` levels of nesting.
 */
export function validJsonTree(text: string, maxDepth = Infinity): Node {
  let pos = 0;
  const len = text.length;

  const skipSpace = () => {
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };

  /** A string token at `pos` (its opening quote); leaves `pos` after the closing quote. */
  const readString = (): string => {
    const start = pos;
    let escaped = false;
    pos++;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x22 /* " */) break;
      if (c === 0x5c /* backslash */) {
        escaped = true;
        pos += 2;
      } else {
        pos++;
      }
    }
    pos++;
    return escaped ? (JSON.parse(text.slice(start, pos)) as string) : text.slice(start + 1, pos - 1);
  };

  const readValue = (parent: Node | undefined, depth: number): Node => {
    skipSpace();
    const offset = pos;
    const c = text.charCodeAt(pos);
    if (c === 0x7b /* { */) {
      if (depth >= maxDepth) throw new TooDeep();
      const node: Building = { type: 'object', offset, length: -1, parent, children: [] };
      pos++;
      skipSpace();
      if (text.charCodeAt(pos) === 0x7d /* } */) {
        pos++;
      } else {
        for (;;) {
          skipSpace();
          const keyOffset = pos;
          const name = readString();
          const property: Building = { type: 'property', offset: keyOffset, length: -1, parent: node, children: [] };
          node.children!.push(property);
          property.children!.push({ type: 'string', value: name, offset: keyOffset, length: pos - keyOffset, parent: property });
          skipSpace();
          property.colonOffset = pos;
          pos++;
          const item = readValue(property, depth + 1);
          property.children!.push(item);
          property.length = item.offset + item.length - keyOffset;
          skipSpace();
          if (text.charCodeAt(pos++) !== 0x2c /* , */) break;
        }
      }
      node.length = pos - offset;
      return node;
    }
    if (c === 0x5b /* [ */) {
      if (depth >= maxDepth) throw new TooDeep();
      const node: Building = { type: 'array', offset, length: -1, parent, children: [] };
      pos++;
      skipSpace();
      if (text.charCodeAt(pos) === 0x5d /* ] */) {
        pos++;
      } else {
        for (;;) {
          node.children!.push(readValue(node, depth + 1));
          skipSpace();
          if (text.charCodeAt(pos++) !== 0x2c /* , */) break;
        }
      }
      node.length = pos - offset;
      return node;
    }
    if (c === 0x22 /* " */) {
      const value = readString();
      return { type: 'string', offset, length: pos - offset, parent, value };
    }
    if (c === 0x74 /* t */) {
      pos += 4;
      return { type: 'boolean', offset, length: 4, parent, value: true };
    }
    if (c === 0x66 /* f */) {
      pos += 5;
      return { type: 'boolean', offset, length: 5, parent, value: false };
    }
    if (c === 0x6e /* n */) {
      pos += 4;
      return { type: 'null', offset, length: 4, parent, value: null };
    }
    pos++;
    while (pos < len) {
      const d = text.charCodeAt(pos);
      if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) pos++;
      else break;
    }
    return { type: 'number', offset, length: pos - offset, parent, value: Number(text.slice(offset, pos)) };
  };

  const root: Building = readValue(undefined, 0);
  delete root.parent;
  return root;
}

// Text edits that add a property to a JSON object the way the document is already written:
// its indentation unit, its line ends, one line per property or all on one line.
import type { Node } from 'jsonc-parser';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A JSON value to write: strings and nested objects are all the fixes need. */
export type JsonInsertValue = string | { [key: string]: JsonInsertValue };

export interface Layout {
  unit: string;
  eol: string;
}

/** The document's indentation unit (a tab or the smallest run of leading spaces) and line end. */
export function layoutOf(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest = 0;
  for (const line of text.split(/\r?\n/).slice(0, 500)) {
    const m = /^([ \t]+)\S/.exec(line);
    if (!m) continue;
    if (m[1].startsWith('\t')) return { unit: '\t', eol };
    if (smallest === 0 || m[1].length < smallest) smallest = m[1].length;
  }
  return { unit: ' '.repeat(smallest || 2), eol };
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function isMultiline(text: string, node: Node): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

/** Writes a value; objects over several lines (`indent` = the indentation of the line they start on) or compact. */
export function formatValue(value: JsonInsertValue, multiline: boolean, indent: string, layout: Layout): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const entries = Object.entries(value);
  if (!multiline) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${formatValue(v, false, indent, layout)}`).join(', ')} }`;
  const inner = indent + layout.unit;
  const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, true, inner, layout)}`).join(`,${layout.eol}`);
  return `{${layout.eol}${body}${layout.eol}${indent}}`;
}

/**
 * Adds `"key": value` as the last property of `object` (a jsonc-parser object node).
 * `multilineHint` decides the layout of an empty object, whose own text says nothing.
 */
export function insertProperty(text: string, object: Node, key: string, value: JsonInsertValue, layout: Layout, multilineHint = true): OffsetEdit {
  const props = (object.children ?? []).filter((p) => p.type === 'property');
  const last = props[props.length - 1];
  if (!last) {
    const multiline = multilineHint || isMultiline(text, object);
    const indent = lineIndent(text, object.offset);
    const propIndent = indent + layout.unit;
    const newText = multiline
      ? `{${layout.eol}${propIndent}${JSON.stringify(key)}: ${formatValue(value, true, propIndent, layout)}${layout.eol}${indent}}`
      : `{ ${JSON.stringify(key)}: ${formatValue(value, false, '', layout)} }`;
    return { start: object.offset, end: object.offset + object.length, newText };
  }
  const at = last.offset + last.length;
  if (isMultiline(text, object)) {
    const propIndent = lineIndent(text, props[0].offset);
    return { start: at, end: at, newText: `,${layout.eol}${propIndent}${JSON.stringify(key)}: ${formatValue(value, true, propIndent, layout)}` };
  }
  return { start: at, end: at, newText: `, ${JSON.stringify(key)}: ${formatValue(value, false, '', layout)}` };
}

/** Adds `"key": value` as the first property of a non-empty object. */
export function insertFirstProperty(text: string, object: Node, key: string, value: JsonInsertValue, layout: Layout): OffsetEdit | undefined {
  const first = (object.children ?? []).find((p) => p.type === 'property');
  if (!first) return undefined;
  if (isMultiline(text, object)) {
    const propIndent = lineIndent(text, first.offset);
    const multilineFirst = text.slice(object.offset, first.offset).includes('\n');
    if (multilineFirst) {
      // Insert before the first property's line content, keeping its indentation for the new line.
      return { start: first.offset, end: first.offset, newText: `${JSON.stringify(key)}: ${formatValue(value, true, propIndent, layout)},${layout.eol}${propIndent}` };
    }
  }
  return { start: first.offset, end: first.offset, newText: `${JSON.stringify(key)}: ${formatValue(value, false, '', layout)}, ` };
}

/** Property of an object by name; `ignoreCase` for condition operators and keys. */
export function propertyNamed(object: Node, name: string, ignoreCase = false): Node | undefined {
  const props = (object.children ?? []).filter((p) => p.type === 'property');
  const same = (a: unknown) => typeof a === 'string' && (ignoreCase ? a.toLowerCase() === name.toLowerCase() : a === name);
  return props.find((p) => p.children?.[0]?.value === name) ?? props.find((p) => same(p.children?.[0]?.value));
}

/** Removes an element of an array with the comma that separates it from its neighbour. */
export function removeArrayElement(text: string, element: Node): OffsetEdit | undefined {
  const array = element.parent;
  if (!array || array.type !== 'array') return undefined;
  const items = array.children ?? [];
  const i = items.indexOf(element);
  if (i < 0) return undefined;
  if (items.length === 1) return { start: array.offset, end: array.offset + array.length, newText: '[]' };
  if (i < items.length - 1) {
    const next = items[i + 1];
    return { start: element.offset, end: next.offset, newText: '' };
  }
  const previous = items[i - 1];
  return { start: previous.offset + previous.length, end: element.offset + element.length, newText: '' };
}

// The writer for policies in YAML templates: block mappings get new lines at the indentation of
// their own keys (the file's unit deeper for a new level); flow collections (`{ … }`, `[ … ]`)
// take JSON syntax, which YAML flow style reads as written.
import type { Node } from 'jsonc-parser';
import { layoutOf, propertyNamed, type OffsetEdit } from '../../explain/jsonInsert';

import { jsonWriter } from './jsonWriter';
import type { PolicyWriter } from './policyWriter';

export const yamlWriter: PolicyWriter = {
  syntax: 'yaml',
  addCondition(text, st, operator, key, value) {
    if (st.node.type !== 'object') return undefined;
    if (isFlow(text, st.node)) return jsonWriter.addCondition(text, st, operator, key, value);
    const unit = yamlUnit(text);
    const condition = propertyNamed(st.node, 'Condition')?.children?.[1];
    if (!condition) return appendEntry(text, st.node, `Condition:${nested(text, st.node, unit, [[operator, undefined], [key, value]])}`);
    if (condition.type !== 'object') return undefined;
    if (isFlow(text, condition)) return jsonWriter.addCondition(text, st, operator, key, value);
    const operatorObject = propertyNamed(condition, operator, true)?.children?.[1];
    if (!operatorObject) return appendEntry(text, condition, `${yamlKey(operator)}:${nested(text, condition, unit, [[key, value]])}`);
    if (operatorObject.type !== 'object') return undefined;
    const existing = propertyNamed(operatorObject, key, true)?.children?.[1];
    if (existing) return { start: existing.offset, end: existing.offset + existing.length, newText: JSON.stringify(value) };
    if (isFlow(text, operatorObject)) return jsonWriter.addCondition(text, st, operator, key, value);
    return appendEntry(text, operatorObject, `${yamlKey(key)}: ${JSON.stringify(value)}`);
  },
  addVersion(text, model) {
    if (isFlow(text, model.node)) return jsonWriter.addVersion(text, model);
    const first = model.node.children?.[0];
    if (!first) return undefined;
    return { start: first.offset, end: first.offset, newText: `Version: "2012-10-17"\n${columnIndent(text, first.offset)}` };
  },
  replaceString: (_text, node, value) => ({ start: node.offset, end: node.offset + node.length, newText: JSON.stringify(value) }),
  removeListElement(text, element) {
    const list = element.parent;
    if (!list || isFlow(text, list)) return jsonWriter.removeListElement(text, element);
    // `- value` on its own line: the line goes.
    const lineStart = text.lastIndexOf('\n', element.offset - 1) + 1;
    const lineEnd = text.indexOf('\n', element.offset + element.length);
    if (!/^\s*-\s*$/.test(text.slice(lineStart, element.offset))) return undefined;
    return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, newText: '' };
  },
};

/** A new last entry of a block mapping, on its own line at the column of the mapping's keys. */
function appendEntry(text: string, mapping: Node, entry: string): OffsetEdit | undefined {
  const first = mapping.children?.[0];
  const last = mapping.children?.[mapping.children.length - 1];
  if (!first || !last) return undefined;
  const indent = columnIndent(text, first.offset);
  const at = last.offset + last.length;
  const eol = layoutOf(text).eol;
  return { start: at, end: at, newText: `${eol}${indent}${entry.replace(/\n/g, eol)}` };
}

/** `\n  a:\n    b: "v"` — each pair one level deeper than the mapping's keys; the last has the value. */
function nested(text: string, mapping: Node, unit: string, pairs: Array<[string, string | undefined]>): string {
  let indent = columnIndent(text, mapping.children![0].offset);
  let out = '';
  for (const [k, v] of pairs) {
    indent += unit;
    out += `\n${indent}${yamlKey(k)}:${v === undefined ? '' : ` ${JSON.stringify(v)}`}`;
  }
  return out;
}

/** Spaces up to the column of `offset` (a `- ` before a first key counts as indentation). */
function columnIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return ' '.repeat(offset - lineStart);
}

/** The file's indentation unit: YAML indents with spaces only. */
function yamlUnit(text: string): string {
  const unit = layoutOf(text).unit;
  return unit === '\t' ? '  ' : unit;
}

function yamlKey(key: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9:._/-]*$/.test(key) ? key : JSON.stringify(key);
}

function isFlow(text: string, node: Node): boolean {
  return text[node.offset] === '{' || text[node.offset] === '[';
}


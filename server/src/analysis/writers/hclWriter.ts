// The writers for policies in Terraform: a `data "aws_iam_policy_document"` gets a new
// `condition { test, variable, values }` block in its statement; a `jsonencode({…})` object gets
// HCL object syntax (`Condition = { StringEquals = { "sts:ExternalId" = "…" } }`). Both at the
// file's indentation.
import type { Node } from 'jsonc-parser';
import { layoutOf, lineIndent, propertyNamed, type Layout, type OffsetEdit } from '../../explain/jsonInsert';
import { hclNameCompletions } from './hclNames';
import { jsonWriter } from './jsonWriter';
import type { PolicyWriter } from './policyWriter';

/** A Terraform string literal: JSON's quoting, with `${` and `%{` escaped. */
function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

const common = {
  syntax: 'hcl' as const,
  replaceString: (_text: string, node: Node, value: string): OffsetEdit => ({ start: node.offset, end: node.offset + node.length, newText: hclString(value) }),
  // Tuples separate items with commas, as JSON arrays do.
  removeListElement: (text: string, element: Node) => jsonWriter.removeListElement(text, element),
};

export const hclDocumentWriter: PolicyWriter = {
  ...common,
  addCondition(text, st, operator, key, value) {
    const layout = layoutOf(text);
    const block = st.node;
    const close = block.offset + block.length - 1;
    if (text[close] !== '}') return undefined;
    const ends = (block.children ?? []).filter((p) => p.length > 0).map((p) => p.offset + p.length);
    const at = ends.length > 0 ? Math.max(...ends) : text.indexOf('{', block.offset) + 1;
    const inner = lineIndent(text, block.offset) + layout.unit;
    const i2 = inner + layout.unit;
    const eol = layout.eol;
    const lines = [`condition {`, `${i2}test     = ${hclString(operator)}`, `${i2}variable = ${hclString(key)}`, `${i2}values   = [${hclString(value)}]`, `${inner}}`];
    return { start: at, end: at, newText: `${eol}${eol}${inner}${lines.join(eol)}` };
  },
  addVersion: () => undefined,
  nameCompletions: hclNameCompletions,
};

export const hclObjectWriter: PolicyWriter = {
  ...common,
  addCondition(text, st, operator, key, value) {
    if (st.node.type !== 'object') return undefined;
    const layout = layoutOf(text);
    const condition = propertyNamed(st.node, 'Condition')?.children?.[1];
    if (!condition) return addEntry(text, st.node, 'Condition', { [operator]: { [key]: value } }, layout);
    if (condition.type !== 'object') return undefined;
    const operatorObject = propertyNamed(condition, operator, true)?.children?.[1];
    if (!operatorObject) return addEntry(text, condition, operator, { [key]: value }, layout);
    if (operatorObject.type !== 'object') return undefined;
    const existing = propertyNamed(operatorObject, key, true)?.children?.[1];
    if (existing) return { start: existing.offset, end: existing.offset + existing.length, newText: hclString(value) };
    return addEntry(text, operatorObject, key, value, layout);
  },
  addVersion(text, model) {
    const first = model.node.children?.[0];
    if (!first) return undefined;
    const multiline = text.slice(model.node.offset, first.offset).includes('\n');
    return { start: first.offset, end: first.offset, newText: multiline ? `Version = "2012-10-17"${layoutOf(text).eol}${lineIndent(text, first.offset)}` : 'Version = "2012-10-17", ' };
  },
};

type HclValue = string | { [key: string]: HclValue };

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

function formatValue(value: HclValue, multiline: boolean, indent: string, layout: Layout): string {
  if (typeof value === 'string') return hclString(value);
  const entries = Object.entries(value);
  if (!multiline) return `{ ${entries.map(([k, v]) => `${hclKey(k)} = ${formatValue(v, false, indent, layout)}`).join(', ')} }`;
  const inner = indent + layout.unit;
  return `{${layout.eol}${entries.map(([k, v]) => `${inner}${hclKey(k)} = ${formatValue(v, true, inner, layout)}`).join(layout.eol)}${layout.eol}${indent}}`;
}

/** `key = value` as the object's last element: on a new line when the object spans lines, else after a comma. */
function addEntry(text: string, object: Node, key: string, value: HclValue, layout: Layout): OffsetEdit | undefined {
  const props = object.children ?? [];
  const last = props[props.length - 1];
  const multiline = text.slice(object.offset, object.offset + object.length).includes('\n');
  if (!last) {
    const indent = lineIndent(text, object.offset);
    const inner = indent + layout.unit;
    const newText = multiline || typeof value !== 'string'
      ? `{${layout.eol}${inner}${hclKey(key)} = ${formatValue(value, true, inner, layout)}${layout.eol}${indent}}`
      : `{ ${hclKey(key)} = ${formatValue(value, false, '', layout)} }`;
    return { start: object.offset, end: object.offset + object.length, newText };
  }
  const at = last.offset + last.length;
  if (multiline) {
    const indent = lineIndent(text, props[0].offset);
    return { start: at, end: at, newText: `${layout.eol}${indent}${hclKey(key)} = ${formatValue(value, true, indent, layout)}` };
  }
  return { start: at, end: at, newText: `, ${hclKey(key)} = ${formatValue(value, false, '', layout)}` };
}

// The writer for policies written as JSON: policy files, JSON templates, Terraform heredocs.
import type { Node } from 'jsonc-parser';
import { insertFirstProperty, insertProperty, layoutOf, propertyNamed, removeArrayElement, type JsonInsertValue, type OffsetEdit } from '../../explain/jsonInsert';
import type { Statement } from '../../policy/model';
import type { PolicyWriter } from './policyWriter';

export const jsonWriter: PolicyWriter = {
  syntax: 'json',
  addCondition: conditionEdit,
  addVersion: (text, model) => insertFirstProperty(text, model.node, 'Version', '2012-10-17', layoutOf(text)),
  replaceString: (_text, node, value) => ({ start: node.offset, end: node.offset + node.length, newText: JSON.stringify(value) }),
  removeListElement: (text, element) => removeArrayElement(text, element),
};

function conditionEdit(text: string, st: Statement, operator: string, key: string, value: string): OffsetEdit | undefined {
  if (st.node.type !== 'object') return undefined;
  const layout = layoutOf(text);
  const conditionProp = propertyNamed(st.node, 'Condition');
  const condition = conditionProp?.children?.[1];
  if (!condition) return insertProperty(text, st.node, 'Condition', { [operator]: { [key]: value } }, layout);
  if (condition.type !== 'object') return undefined;
  const operatorObject = propertyNamed(condition, operator, true)?.children?.[1];
  if (!operatorObject) return insertProperty(text, condition, operator, { [key]: value } as JsonInsertValue, layout, isMultiline(text, st.node));
  if (operatorObject.type !== 'object') return undefined;
  const existing = propertyNamed(operatorObject, key, true)?.children?.[1];
  if (existing) return { start: existing.offset, end: existing.offset + existing.length, newText: JSON.stringify(value) };
  return insertProperty(text, operatorObject, key, value, layout, isMultiline(text, condition));
}

function isMultiline(text: string, node: Node): boolean {
  return text.slice(node.offset, node.offset + node.length).includes('\n');
}

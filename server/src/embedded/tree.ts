// Helpers for jsonc-shaped trees (jsonc-parser's `Node`) built from host formats: the policy
// model, the schema and hover read them as they read a parsed JSON policy.
import type { Node } from 'jsonc-parser';
import type { OffsetRange } from '../policy/model';

/** jsonc-parser's Node with writable fields, for building trees. */
export type MutableNode = { -readonly [K in keyof Node]: Node[K] };

export type ScalarType = 'string' | 'number' | 'boolean' | 'null';

export function scalarNode(type: ScalarType, value: unknown, range: OffsetRange): Node {
  return { type, value, offset: range.start, length: range.end - range.start };
}

export function objectNode(range: OffsetRange, properties: Node[] = []): Node {
  const node: Node = { type: 'object', offset: range.start, length: range.end - range.start, children: [] };
  for (const p of properties) addChild(node, p);
  return node;
}

export function arrayNode(range: OffsetRange, items: Node[] = []): Node {
  const node: Node = { type: 'array', offset: range.start, length: range.end - range.start, children: [] };
  for (const item of items) addChild(node, item);
  return node;
}

/** `key: value`; the property spans the key and the value. */
export function propertyNode(key: string, keyRange: OffsetRange, value: Node): Node {
  const end = Math.max(keyRange.end, value.offset + value.length);
  const prop: Node = { type: 'property', offset: keyRange.start, length: end - keyRange.start, children: [], colonOffset: keyRange.end };
  addChild(prop, scalarNode('string', key, keyRange));
  addChild(prop, value);
  return prop;
}

export function addChild(parent: Node, child: Node): void {
  (child as MutableNode).parent = parent;
  parent.children!.push(child);
}

export function rangeOfNode(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The value of an object's property, by its exact name. */
export function prop(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) if (p.children?.[0]?.value === name) return p.children[1];
  return undefined;
}

/** The property node (key and value) by its exact name. */
export function propNode(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  return (node.children ?? []).find((p) => p.children?.[0]?.value === name);
}

export function entries(node: Node | undefined): Array<{ key: string; keyNode: Node; value: Node }> {
  if (node?.type !== 'object') return [];
  const out = [];
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v) out.push({ key: String(k.value), keyNode: k, value: v });
  }
  return out;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** A copy of a subtree whose root has no parent: paths (hover's, completion's) start at the policy. */
export function detach(node: Node): Node {
  const copy: MutableNode = { type: node.type, offset: node.offset, length: node.length };
  if (node.value !== undefined) copy.value = node.value;
  if (node.colonOffset !== undefined) copy.colonOffset = node.colonOffset;
  if (node.children) {
    copy.children = [];
    for (const c of node.children) addChild(copy, detach(c));
  }
  return copy;
}

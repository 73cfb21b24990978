// A policy as written in a template → a tree of its own (root: the policy object, offsets in
// the template's text) in which every intrinsic function is a string: its resolved value, or `*`
// where CloudFormation alone can know it. The ranges of values not fully known are collected.
import type { Node } from 'jsonc-parser';
import type { OffsetRange } from '../../policy/model';
import { addChild, arrayNode, objectNode, propertyNode, rangeOfNode, scalarNode } from '../tree';
import { intrinsicName, resolveIntrinsic, type TemplateContext } from './intrinsics';

export interface PolicyTree {
  root: Node;
  unknownRanges: OffsetRange[];
}

export function policyTree(host: Node, ctx: TemplateContext): PolicyTree | undefined {
  const unknownRanges: OffsetRange[] = [];
  const root = copy(host, ctx, unknownRanges, 0);
  return root ? { root, unknownRanges } : undefined;
}

function copy(node: Node, ctx: TemplateContext, unknown: OffsetRange[], depth: number): Node | undefined {
  if (depth > 100) return undefined;
  if (intrinsicName(node)) {
    const r = resolveIntrinsic(node, ctx);
    if (r.kind === 'none') return undefined;
    if (r.kind === 'node') {
      // A branch or a mapping value: read as written, at its own place in the text.
      return copy(r.node, ctx, unknown, depth + 1);
    }
    if (!r.known) unknown.push(rangeOfNode(node));
    return scalarNode('string', r.text, rangeOfNode(node));
  }
  switch (node.type) {
    case 'object': {
      const out = objectNode(rangeOfNode(node));
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue;
        const value = copy(v, ctx, unknown, depth + 1);
        if (value) addChild(out, propertyNode(String(k.value), rangeOfNode(k), value));
      }
      return out;
    }
    case 'array': {
      const out = arrayNode(rangeOfNode(node));
      for (const item of node.children ?? []) {
        const c = copy(item, ctx, unknown, depth + 1);
        if (c) addChild(out, c);
      }
      return out;
    }
    default:
      return scalarNode(node.type as 'string', node.value, rangeOfNode(node));
  }
}

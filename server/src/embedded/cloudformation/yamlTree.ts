// A YAML template → a jsonc-shaped tree with offsets in the YAML text, through the `yaml`
// package (which keeps every node's source range). CloudFormation's short-form tags are declared
// as custom tags and become the long form: `!Sub x` is `{ "Fn::Sub": x }`, its key spanning the tag.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
import type { Node } from 'jsonc-parser';
import { bracketDepth } from '../../policy/parse';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Tags } from 'yaml';
import { addChild, arrayNode, objectNode, propertyNode, scalarNode, type MutableNode } from '../tree';

/** Short form → long form. `!Ref` and `!Condition` keep their names. */
const SHORT_FORMS: Record<string, string> = {
  '!Sub': 'Fn::Sub',
  '!Ref': 'Ref',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Condition': 'Condition',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

// Each tag as a scalar, a sequence and a mapping; the value is kept as parsed.
const CUSTOM_TAGS: Tags = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, identify: (): boolean => false, resolve: (value: string): unknown => value },
  { tag, collection: 'seq' as const, identify: (): boolean => false, resolve: (value: unknown): unknown => value },
  { tag, collection: 'map' as const, identify: (): boolean => false, resolve: (value: unknown): unknown => value },
]) as unknown as Tags;

export interface YamlTree {
  root: Node | undefined;
  errors: number;
}

export function parseYamlTree(text: string): YamlTree {
  // Flow collections ([ and {) nested past any template's depth would overflow the recursion.
  if (bracketDepth(text, 256).max > 256) return { root: undefined, errors: 1 };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false, strict: false });
  } catch {
    return { root: undefined, errors: 1 };
  }
  return { root: doc.contents ? convert(doc.contents, text, 0) : undefined, errors: doc.errors.length };
}

/** Deeper than any template: refused rather than walked. */
const MAX_DEPTH = 200;

function convert(node: unknown, text: string, depth: number): Node | undefined {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return undefined;
  if (isAlias(node)) return undefined;
  const yamlNode = node as { range?: [number, number, number]; tag?: string };
  if (!yamlNode.range) return undefined;
  // Block scalars and collections run on over their last line break: trimmed, so a range ends on text.
  let end = yamlNode.range[1];
  while (end > yamlNode.range[0] && /\s/.test(text[end - 1])) end--;
  const range = { start: yamlNode.range[0], end };
  let out: Node | undefined;
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') out = scalarNode('string', v, range);
    else if (typeof v === 'number' || typeof v === 'bigint') out = scalarNode('number', Number(v), range);
    else if (typeof v === 'boolean') out = scalarNode('boolean', v, range);
    else if (v === null) out = scalarNode('null', null, range);
    else out = scalarNode('string', String(v), range);
  } else if (isMap(node)) {
    out = objectNode(range);
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key as { value: unknown; range?: [number, number, number] };
      if (!key.range) continue;
      const value = convert(pair.value, text, depth + 1) ?? scalarNode('null', null, { start: key.range[1], end: key.range[1] });
      addChild(out, propertyNode(String(key.value), { start: key.range[0], end: key.range[1] }, value));
    }
    if (!isFlow(text, range.start)) blockEnd(out);
  } else if (isSeq(node)) {
    out = arrayNode(range);
    for (const item of node.items) {
      const c = convert(item, text, depth + 1);
      if (c) addChild(out, c);
    }
    if (!isFlow(text, range.start)) blockEnd(out);
  }
  if (!out) return undefined;
  const longForm = yamlNode.tag ? SHORT_FORMS[yamlNode.tag] : undefined;
  if (!longForm) return out;
  // The tag is written before the value: the intrinsic's range starts at the `!`.
  const tagStart = tagOffset(text, range.start, yamlNode.tag!);
  const whole = { start: tagStart, end: out.offset + out.length };
  return objectNode(whole, [propertyNode(longForm, { start: tagStart, end: tagStart + yamlNode.tag!.length }, out)]);
}

/** A block collection ends where its last entry does (the parser's range runs on over the line break). */
function blockEnd(node: Node): void {
  const last = node.children![node.children!.length - 1];
  if (last) (node as MutableNode).length = last.offset + last.length - node.offset;
}

function isFlow(text: string, offset: number): boolean {
  return text[offset] === '{' || text[offset] === '[';
}

function tagOffset(text: string, valueStart: number, tag: string): number {
  let i = valueStart;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return text.slice(i - tag.length, i) === tag ? i - tag.length : valueStart;
}

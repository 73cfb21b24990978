// `data "aws_iam_policy_document"` → the policy it renders, as a jsonc-shaped tree whose keys sit
// on Terraform's attribute names (`actions` is Action, a `condition` block's `test` is the
// operator). Effect defaults to Allow and Version to 2012-10-17, as the data source writes them.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
import type { Node } from 'jsonc-parser';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { OffsetRange } from '../../policy/model';
import { addChild, arrayNode, objectNode, propertyNode, scalarNode } from '../tree';
import { attribute, attributesOf, blocksOf, expressionValue, literalText, rangeOfSyntax, unwrap, type Block } from './hcl';

const STATEMENT_ATTRIBUTES: Record<string, string> = {
  sid: 'Sid',
  effect: 'Effect',
  actions: 'Action',
  not_actions: 'NotAction',
  resources: 'Resource',
  not_resources: 'NotResource',
};

export interface DocumentTree {
  root: Node;
  unknownRanges: OffsetRange[];
  /** Whether a statement names principals in a `principals` block of its own (not a dynamic one). */
  literalPrincipals: boolean;
}

/** The document's own statements (what it merges from others: see mergeDocuments.ts). */
export function policyDocumentTree(block: Block): DocumentTree {
  const unknown: OffsetRange[] = [];
  const statements = statementBlocks(block.body);
  const whole = rangeOfSyntax(block.node);
  const at = (offset: number): OffsetRange => ({ start: offset, end: offset });
  const root = objectNode(whole);
  const version = attribute(block.body, 'version');
  addChild(root, version ? propertyNode('Version', rangeOfSyntax(version.nameNode), expressionValue(version.expression, unknown)) : propertyNode('Version', at(whole.start), scalarNode('string', '2012-10-17', at(whole.start))));
  const id = attribute(block.body, 'policy_id');
  if (id) addChild(root, propertyNode('Id', rangeOfSyntax(id.nameNode), expressionValue(id.expression, unknown)));
  const bodyRange = block.body ? rangeOfSyntax(block.body) : at(whole.end - 1);
  const list = arrayNode(bodyRange);
  for (const st of statements) addChild(list, statementTree(st, unknown));
  addChild(root, propertyNode('Statement', at(bodyRange.start), list));
  const literalPrincipals = statements.some((st) => blocksOf(st.body).some((b) => b.type === 'principals' || b.type === 'not_principals'));
  return { root, unknownRanges: unknown, literalPrincipals };
}

/** `statement` blocks, and the `content` of `dynamic "statement"` blocks (read once, values unknown). */
function statementBlocks(body: SyntaxNode | undefined): Block[] {
  return nestedBlocks(body, 'statement');
}

/** A `dynamic` block's `content`, and the dynamic block around it. */
const dynamicOf = new WeakMap<SyntaxNode, SyntaxNode>();

function nestedBlocks(body: SyntaxNode | undefined, type: string): Block[] {
  const out: Block[] = [];
  for (const b of blocksOf(body)) {
    if (b.type === type) out.push(b);
    else if (b.type === 'dynamic' && b.labels[0] === type) {
      const content = blocksOf(b.body).find((c) => c.type === 'content');
      if (content) {
        dynamicOf.set(content.node, b.node);
        out.push(content);
      }
    }
  }
  return out;
}

/**
 * An attribute whose whole value Terraform computes (`resources = var.arns`) may be null, so
 * absent from the rendered policy: the attribute, name included, is unknown.
 */
function attributeValue(a: { node: SyntaxNode; expression: SyntaxNode }, unknown: OffsetRange[]): Node {
  const before = unknown.length;
  const value = expressionValue(a.expression, unknown);
  if (unknown.length > before && unknown[unknown.length - 1].start === value.offset && unknown[unknown.length - 1].end === value.offset + value.length) {
    unknown.push(rangeOfSyntax(a.node));
  }
  return value;
}

function statementTree(st: Block, unknown: OffsetRange[]): Node {
  const range = rangeOfSyntax(st.node);
  const out = objectNode(range);
  const attributes = attributesOf(st.body);
  if (!attributes.some((a) => a.name === 'effect')) {
    addChild(out, propertyNode('Effect', { start: range.start, end: range.start }, scalarNode('string', 'Allow', { start: range.start, end: range.start })));
  }
  for (const a of attributes) {
    const element = STATEMENT_ATTRIBUTES[a.name];
    if (element) addChild(out, propertyNode(element, rangeOfSyntax(a.nameNode), attributeValue(a, unknown)));
  }
  for (const [type, element] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const blocks = nestedBlocks(st.body, type);
    if (blocks.length > 0) addChild(out, principalsProperty(element, blocks, unknown));
    markDynamic(blocks, unknown);
  }
  const conditions = nestedBlocks(st.body, 'condition');
  if (conditions.length > 0) addChild(out, conditionProperty(conditions, unknown));
  markDynamic(conditions, unknown);
  return out;
}

/** What a `dynamic` block repeats is not guessed: its whole text is unknown. */
function markDynamic(blocks: Block[], unknown: OffsetRange[]): void {
  for (const b of blocks) {
    const dynamic = dynamicOf.get(b.node);
    if (dynamic) unknown.push(rangeOfSyntax(dynamic));
  }
}

/** `principals { type, identifiers }` blocks → `Principal: { type: identifiers }`, one key per type. */
function principalsProperty(element: string, blocks: Block[], unknown: OffsetRange[]): Node {
  const span = spanOf(blocks);
  const keyRange = keywordRange(blocks[0]);
  // `type = "*"` with `identifiers = ["*"]` is written `"Principal": "*"`.
  const onlyStar = blocks.length === 1 && literalOf(blocks[0], 'type') === '*';
  if (onlyStar) {
    const ids = attribute(blocks[0].body, 'identifiers');
    const range = ids ? rangeOfSyntax(unwrap(ids.expression)) : span;
    return propertyNode(element, keyRange, scalarNode('string', '*', range));
  }
  const value = objectNode(span);
  const byType = new Map<string, Node>();
  for (const b of blocks) {
    const type = attribute(b.body, 'type');
    const ids = attribute(b.body, 'identifiers');
    if (!type || !ids) continue;
    const typeName = literalText(type.expression);
    if (typeName === undefined) unknown.push(rangeOfSyntax(type.expression));
    mergeList(value, byType, typeName ?? '*', rangeOfSyntax(unwrap(type.expression)), expressionValue(ids.expression, unknown));
  }
  return propertyNode(element, keyRange, value);
}

/** `condition { test, variable, values }` blocks → `Condition: { test: { variable: values } }`. */
function conditionProperty(blocks: Block[], unknown: OffsetRange[]): Node {
  const value = objectNode(spanOf(blocks));
  const operators = new Map<string, { node: Node; keys: Map<string, Node> }>();
  for (const b of blocks) {
    const test = attribute(b.body, 'test');
    const variable = attribute(b.body, 'variable');
    const values = attribute(b.body, 'values');
    if (!test || !variable || !values) continue;
    const operator = literalText(test.expression);
    const key = literalText(variable.expression);
    if (operator === undefined) unknown.push(rangeOfSyntax(test.expression));
    if (key === undefined) unknown.push(rangeOfSyntax(variable.expression));
    const opName = operator ?? '*';
    let entry = operators.get(opName.toLowerCase());
    if (!entry) {
      entry = { node: objectNode(rangeOfSyntax(b.node)), keys: new Map() };
      operators.set(opName.toLowerCase(), entry);
      addChild(value, propertyNode(opName, rangeOfSyntax(unwrap(test.expression)), entry.node));
    }
    mergeList(entry.node, entry.keys, key ?? '*', rangeOfSyntax(unwrap(variable.expression)), expressionValue(values.expression, unknown));
  }
  return propertyNode('Condition', keywordRange(blocks[0]), value);
}

/** Adds `key: list` to an object, or appends the list's items to the key's list already there. */
function mergeList(object: Node, seen: Map<string, Node>, key: string, keyRange: OffsetRange, list: Node): void {
  const existing = seen.get(key);
  if (!existing) {
    seen.set(key, list);
    addChild(object, propertyNode(key, keyRange, list));
    return;
  }
  if (existing.type === 'array') for (const item of list.type === 'array' ? list.children ?? [] : [list]) addChild(existing, item);
}

function literalOf(block: Block, name: string): string | undefined {
  const a = attribute(block.body, name);
  return a ? literalText(a.expression) : undefined;
}

function spanOf(blocks: Block[]): OffsetRange {
  return { start: blocks[0].node.startIndex, end: blocks[blocks.length - 1].node.endIndex };
}

/** The block's keyword (`principals`, `condition`; `content` inside a dynamic block). */
function keywordRange(block: Block): OffsetRange {
  const keyword = block.node.namedChildren.find((n) => n?.type === 'identifier');
  return keyword ? rangeOfSyntax(keyword) : { start: block.node.startIndex, end: block.node.startIndex };
}

// Reading the Terraform syntax tree: blocks, attributes, and expressions as jsonc-shaped values.
// What Terraform computes (interpolations, references, function calls other than jsonencode,
// `for` expressions) is an unknown value: `*` in the policy model, its range collected.
import type { Node } from 'jsonc-parser';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { OffsetRange } from '../../policy/model';
import { addChild, arrayNode, objectNode, propertyNode, scalarNode } from '../tree';

export function rangeOfSyntax(n: SyntaxNode): OffsetRange {
  return { start: n.startIndex, end: n.endIndex };
}

export interface Block {
  node: SyntaxNode;
  type: string;
  labels: string[];
  body: SyntaxNode | undefined;
}

/**
 * Blocks and attributes of a body, read once per body: a policy document asks a statement's body
 * for each attribute and nested block by name, and every question about a node (its type, its
 * children) is a call into the parser's WebAssembly memory.
 */
const blocksByBody = new WeakMap<SyntaxNode, Block[]>();
const attributesByBody = new WeakMap<SyntaxNode, Attribute[]>();

export function blocksOf(body: SyntaxNode | undefined | null): Block[] {
  if (!body) return [];
  let blocks = blocksByBody.get(body);
  if (!blocks) blocksByBody.set(body, (blocks = readBlocks(body)));
  return blocks;
}

function readBlocks(body: SyntaxNode): Block[] {
  const out: Block[] = [];
  for (const c of body.namedChildren) {
    if (c?.type !== 'block') continue;
    // One pass over the children, each asked its type once: the first identifier, the string labels, the first body.
    let type: string | undefined;
    const labels: string[] = [];
    let blockBody: SyntaxNode | undefined;
    for (const n of c.namedChildren) {
      const t = n?.type;
      if (t === 'identifier') type ??= n!.text;
      else if (t === 'string_lit') labels.push(literalText(n!) ?? '');
      else if (t === 'body') blockBody ??= n!;
    }
    out.push({ node: c, type: type ?? '', labels, body: blockBody });
  }
  return out;
}

export interface Attribute {
  node: SyntaxNode;
  name: string;
  nameNode: SyntaxNode;
  expression: SyntaxNode;
}

export function attributesOf(body: SyntaxNode | undefined | null): Attribute[] {
  if (!body) return [];
  let attributes = attributesByBody.get(body);
  if (!attributes) attributesByBody.set(body, (attributes = readAttributes(body)));
  return attributes;
}

function readAttributes(body: SyntaxNode): Attribute[] {
  const out: Attribute[] = [];
  for (const c of body.namedChildren) {
    if (c?.type !== 'attribute') continue;
    let nameNode: SyntaxNode | undefined;
    let expression: SyntaxNode | undefined;
    for (const n of c.namedChildren) {
      const t = n?.type;
      if (t === 'identifier') nameNode ??= n!;
      else if (t === 'expression') expression ??= n!;
    }
    if (nameNode && expression) out.push({ node: c, name: nameNode.text, nameNode, expression });
  }
  return out;
}

export function attribute(body: SyntaxNode | undefined | null, name: string): Attribute | undefined {
  return attributesOf(body).find((a) => a.name === name);
}

/** The one meaningful node under `expression` wrappers. */
export function unwrap(n: SyntaxNode): SyntaxNode {
  let node = n;
  while ((node.type === 'expression' || node.type === 'literal_value' || node.type === 'collection_value' || node.type === 'template_expr') && node.namedChildCount === 1) {
    node = node.namedChildren[0]!;
  }
  return node;
}

/** The text of a string without interpolations, unescaped; undefined for anything else. */
export function literalText(n: SyntaxNode): string | undefined {
  const node = unwrap(n);
  if (node.type !== 'string_lit' && node.type !== 'quoted_template') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'template_literal') out += unescape(c.text);
    else if (c.type === 'quoted_template_start' || c.type === 'quoted_template_end') continue;
    else return undefined;
  }
  return out;
}

/**
 * Terraform string escapes, and `$${`/`%%{` for a literal `${`/`%{`.
 * https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 */
function unescape(s: string): string {
  return s
    .replace(/\\(["\\nrt]|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g, (_m, e: string) => {
      switch (e[0]) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'u':
        case 'U':
          return String.fromCodePoint(parseInt(e.slice(1), 16));
        default:
          return e;
      }
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** An HCL expression as a jsonc-shaped value (as `jsonencode` would write it). */
export function expressionValue(n: SyntaxNode, unknown: OffsetRange[], depth = 0): Node {
  const node = unwrap(n);
  const range = rangeOfSyntax(node);
  if (depth > 64) return unknownValue(range, unknown);
  switch (node.type) {
    case 'object': {
      const out = objectNode(range);
      for (const elem of node.namedChildren) {
        if (elem?.type !== 'object_elem') continue;
        const keyNode = elem.childForFieldName('key');
        const valNode = elem.childForFieldName('val');
        if (!keyNode || !valNode) continue;
        const key = objectKey(keyNode);
        if (key === undefined) continue;
        addChild(out, propertyNode(key, rangeOfSyntax(unwrap(keyNode)), expressionValue(valNode, unknown, depth + 1)));
      }
      return out;
    }
    case 'tuple': {
      const out = arrayNode(range);
      for (const item of node.namedChildren) if (item?.type === 'expression') addChild(out, expressionValue(item, unknown, depth + 1));
      return out;
    }
    case 'numeric_lit':
      return scalarNode('number', Number(node.text), range);
    case 'bool_lit':
      return scalarNode('boolean', node.text === 'true', range);
    case 'null_lit':
      return scalarNode('null', null, range);
    case 'string_lit':
    case 'quoted_template': {
      const literal = literalText(node);
      if (literal !== undefined) return scalarNode('string', literal, range);
      // A string with interpolations: its literal parts, `*` where Terraform fills in.
      unknown.push(range);
      const text = node.namedChildren.map((c) => (c?.type === 'template_literal' ? unescape(c.text) : c?.type === 'template_interpolation' || c?.type === 'template_directive' ? '*' : '')).join('');
      return scalarNode('string', text, range);
    }
    default:
      return unknownValue(range, unknown);
  }
}

function unknownValue(range: OffsetRange, unknown: OffsetRange[]): Node {
  unknown.push(range);
  return scalarNode('string', '*', range);
}

/** An object key: a bare name or a literal string; a computed key `(expr)` is not knowable. */
function objectKey(n: SyntaxNode): string | undefined {
  const node = unwrap(n);
  if (node.type === 'variable_expr' || node.type === 'identifier') return node.text;
  return literalText(node);
}

/** `jsonencode(<expr>)`: its argument. */
export function jsonencodeArgument(n: SyntaxNode): SyntaxNode | undefined {
  const node = unwrap(n);
  if (node.type !== 'function_call' || node.namedChildren[0]?.text !== 'jsonencode') return undefined;
  const args = node.namedChildren.find((c) => c?.type === 'function_arguments');
  const first = args?.namedChildren.find((c) => c?.type === 'expression');
  return first ?? undefined;
}

/** A heredoc's content (between the line after `<<EOF` and the closing line), or undefined. */
export function heredocContent(n: SyntaxNode, text: string): OffsetRange | undefined {
  const node = unwrap(n);
  if (node.type !== 'heredoc_template') return undefined;
  const ids = node.namedChildren.filter((c) => c?.type === 'heredoc_identifier');
  if (ids.length < 2) return undefined;
  const open = ids[0]!;
  const close = ids[ids.length - 1]!;
  const start = text.indexOf('\n', open.endIndex) + 1;
  const end = text.lastIndexOf('\n', close.startIndex) + 1;
  return start > 0 && end >= start ? { start, end } : undefined;
}

/** The interpolations and directives of a heredoc, as host ranges. */
export function heredocInterpolations(n: SyntaxNode): OffsetRange[] {
  const node = unwrap(n);
  return node.namedChildren.filter((c) => c?.type === 'template_interpolation' || c?.type === 'template_directive').map((c) => rangeOfSyntax(c!));
}

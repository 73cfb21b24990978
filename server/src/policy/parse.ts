// Text → policy model. One parse per document version; validation, hover, completion and
// the engine all read the same model.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import {
  rangeOf,
  type ConditionBlock,
  type ConditionEntry,
  type Located,
  type PolicyModel,
  type PrincipalBlock,
  type PrincipalEntry,
  type ScalarValue,
  type Statement,
  type StringListElement,
} from './model';
import type { LazyTree } from './lazyTree';
import { strictPolicyModel } from './strictPolicyModel';

export interface SyntaxError {
  message: string;
  range: { start: number; end: number };
}

export interface ParsedPolicyText {
  root: Node | undefined;
  syntaxErrors: SyntaxError[];
  /** Present when the root is an object with a `Statement` key: the document is an IAM policy. */
  model: PolicyModel | undefined;
  /** For text that is strict JSON (no comments, no errors): what `JSON.parse` made of it. */
  json?: { value: unknown };
}

/** Deeper than any real policy; deeper input is refused rather than walked recursively. */
export const MAX_NESTING = 64;

/**
 * A document being edited has a handful of syntax errors. Past this many, jsonc-parser's
 * recovery is inventing the structure (10 KB of unquoted `${aws:username}` made 4,000 errors and
 * 667 phantom statements, which the schema, the linter and every diagnostic then paid for): the
 * first errors are reported with a summary, and the text is not checked as a policy.
 */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Strict JSON text: its model built in one pass, its tree and its `JSON.parse` value made when
 * first asked for (evaluating a policy needs neither).
 */
class StrictParse implements ParsedPolicyText {
  readonly syntaxErrors: SyntaxError[] = [];
  readonly model: PolicyModel | undefined;
  readonly #text: string;
  readonly #tree: LazyTree;
  #json: { value: unknown } | undefined;

  constructor(text: string, model: PolicyModel | undefined, tree: LazyTree) {
    this.#text = text;
    this.model = model;
    this.#tree = tree;
  }

  get root(): Node {
    return this.#tree.root;
  }

  get json(): { value: unknown } {
    return (this.#json ??= { value: JSON.parse(this.#text) });
  }
}

export function parsePolicyText(text: string): ParsedPolicyText {
  // Most policies are strict JSON, modelled in one pass; jsonc-parser takes the rest.
  const strict = strictPolicyModel(text, MAX_NESTING);
  if (strict) return new StrictParse(text, strict.model, strict.tree);
  // jsonc-parser recurses once per level: refuse absurd depth before it overflows the stack.
  const depth = bracketDepth(text);
  if (depth.max > MAX_NESTING) {
    return {
      root: undefined,
      syntaxErrors: [
        {
          message: `The document nests deeper than ${MAX_NESTING} levels; no IAM policy element nests that deep.`,
          range: { start: depth.offset, end: depth.offset + 1 },
        },
      ],
      model: undefined,
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const syntaxErrors: SyntaxError[] = errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => ({
    message: syntaxMessage(printParseErrorCode(e.error)),
    // At least one character to underline, but never past the end of the text.
    range: { start: e.offset, end: Math.min(text.length, e.offset + Math.max(1, e.length)) },
  }));
  if (errors.length > MAX_SYNTAX_ERRORS) {
    const next = errors[MAX_SYNTAX_ERRORS];
    syntaxErrors.push({
      message: `${errors.length - MAX_SYNTAX_ERRORS} more syntax errors from here on. The document is not checked as a policy until there are at most ${MAX_SYNTAX_ERRORS}.`,
      range: { start: next.offset, end: Math.min(text.length, next.offset + 1) },
    });
    return { root, syntaxErrors, model: undefined };
  }
  return { root, syntaxErrors, model: root && isPolicyNode(root) ? buildPolicyModel(root) : undefined };
}

/**
 * Deepest nesting of objects and arrays, and where it first passes `limit`; iterative.
 *
 * A character loop rather than jsonc-parser's scanner (which builds every token's value and cost
 * a tenth of a CLI run over a corpus). It tokenizes strings and comments exactly as that scanner
 * does, so it counts the same bracket tokens: a string ends at an unescaped quote, a line break
 * or the end; a backslash takes the next character with it; `//` runs to the line's end and
 * `/*` to the next star-slash or the end. No other token can hold a bracket, quote or slash.
 */
export function bracketDepth(text: string, limit = MAX_NESTING): { max: number; offset: number } {
  const len = text.length;
  let depth = 0;
  let max = 0;
  for (let i = 0; i < len; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return { max, offset: i };
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      if (depth > 0) depth--;
    } else if (ch === 0x22 /* " */) {
      for (i++; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22 || c === 0x0a || c === 0x0d) break; // the line break is outside the string; nothing to count there
        if (c === 0x5c /* backslash */) i++;
      }
    } else if (ch === 0x2f /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        for (i += 2; i < len; i++) {
          const c = text.charCodeAt(i);
          if (c === 0x0a || c === 0x0d) break;
        }
      } else if (next === 0x2a /* * */) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? len : close + 1;
      }
    }
  }
  return { max, offset: 0 };
}

function syntaxMessage(code: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return 'Invalid JSON: unexpected symbol.';
    case 'PropertyNameExpected':
      return 'Invalid JSON: a property name in double quotes is expected.';
    case 'ValueExpected':
      return 'Invalid JSON: a value is expected.';
    case 'ColonExpected':
      return 'Invalid JSON: a colon is expected.';
    case 'CommaExpected':
      return 'Invalid JSON: a comma is expected.';
    case 'CloseBraceExpected':
      return 'Invalid JSON: a closing brace is expected.';
    case 'CloseBracketExpected':
      return 'Invalid JSON: a closing bracket is expected.';
    case 'EndOfFileExpected':
      return 'Invalid JSON: end of file expected.';
    case 'UnexpectedEndOfString':
      return 'Invalid JSON: the string is not closed.';
    case 'UnexpectedEndOfComment':
      return 'Invalid JSON: the comment is not closed.';
    default:
      return `Invalid JSON: ${code}.`;
  }
}

/** An IAM policy document is a top-level object with a `Statement` key. */
export function isPolicyNode(root: Node): boolean {
  return root.type === 'object' && (root.children ?? []).some((p) => propertyName(p) === 'Statement');
}

export function propertyName(prop: Node): string | undefined {
  const key = prop.children?.[0];
  return key && typeof key.value === 'string' ? key.value : undefined;
}

function located(node: Node): Located<string> | undefined {
  if (node.type !== 'string') return undefined;
  return { value: node.value as string, range: rangeOf(node), node };
}

function keyLocated(prop: Node): Located<string> {
  const key = prop.children![0];
  return { value: key.value as string, range: rangeOf(key), node: key };
}

export function scalar(node: Node): ScalarValue {
  let text: string;
  switch (node.type) {
    case 'string':
      text = node.value as string;
      break;
    case 'number':
    case 'boolean':
      text = String(node.value);
      break;
    case 'null':
      text = 'null';
      break;
    default:
      text = '';
  }
  return { text, jsonType: node.type, range: rangeOf(node), node };
}

function properties(obj: Node): Node[] {
  return obj.type === 'object' ? (obj.children ?? []).filter((c) => c.type === 'property' && c.children?.length) : [];
}

function valueOf(prop: Node): Node | undefined {
  return prop.children?.[1];
}

function stringList(prop: Node): StringListElement | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  const isArray = value.type === 'array';
  const values = isArray ? (value.children ?? []).map(scalar) : [scalar(value)];
  return { keyRange: rangeOf(prop.children![0]), range: rangeOf(value), isArray, values, node: value };
}

function principalBlock(prop: Node): PrincipalBlock | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  const block: PrincipalBlock = {
    keyRange: rangeOf(prop.children![0]),
    range: rangeOf(value),
    wildcard: value.type === 'string' && value.value === '*',
    entries: [],
    kinds: [],
    node: value,
  };
  if (value.type === 'string') {
    block.entries.push({ kind: '*', value: scalar(value) });
    return block;
  }
  for (const p of properties(value)) {
    const kind = keyLocated(p);
    block.kinds.push(kind);
    const v = valueOf(p);
    if (!v) continue;
    const items = v.type === 'array' ? v.children ?? [] : [v];
    for (const item of items) block.entries.push({ kind: kind.value, value: scalar(item) } satisfies PrincipalEntry);
  }
  return block;
}

function conditionBlock(prop: Node): ConditionBlock | undefined {
  const value = valueOf(prop);
  if (!value) return undefined;
  const block: ConditionBlock = { keyRange: rangeOf(prop.children![0]), range: rangeOf(value), entries: [], operators: [], node: value };
  for (const opProp of properties(value)) {
    const operator = keyLocated(opProp);
    block.operators.push(operator);
    const keys = valueOf(opProp);
    if (!keys) continue;
    for (const keyProp of properties(keys)) {
      const key = keyLocated(keyProp);
      const v = valueOf(keyProp);
      if (!v) continue;
      const valuesIsArray = v.type === 'array';
      const values = valuesIsArray ? (v.children ?? []).map(scalar) : [scalar(v)];
      block.entries.push({ operator, key, values, valuesIsArray, valuesRange: rangeOf(v) } satisfies ConditionEntry);
    }
  }
  return block;
}

function buildStatement(node: Node, index: number): Statement {
  const st: Statement = { index, range: rangeOf(node), node, keys: [] };
  for (const prop of properties(node)) {
    const key = keyLocated(prop);
    st.keys.push(key);
    const value = valueOf(prop);
    if (!value) continue;
    switch (key.value) {
      case 'Sid':
        st.sid = located(value) ?? { value: '', range: rangeOf(value), node: value };
        break;
      case 'Effect':
        st.effect = located(value) ?? { value: '', range: rangeOf(value), node: value };
        break;
      case 'Action':
        st.action = stringList(prop);
        break;
      case 'NotAction':
        st.notAction = stringList(prop);
        break;
      case 'Resource':
        st.resource = stringList(prop);
        break;
      case 'NotResource':
        st.notResource = stringList(prop);
        break;
      case 'Principal':
        st.principal = principalBlock(prop);
        break;
      case 'NotPrincipal':
        st.notPrincipal = principalBlock(prop);
        break;
      case 'Condition':
        st.condition = conditionBlock(prop);
        break;
      default:
        break;
    }
  }
  return st;
}

/** Builds the model from any jsonc-shaped tree whose root is a policy object. */
export function buildPolicyModel(root: Node): PolicyModel {
  const model: PolicyModel = { range: rangeOf(root), node: root, statementIsArray: false, statements: [], keys: [] };
  for (const prop of properties(root)) {
    const key = keyLocated(prop);
    model.keys.push(key);
    const value = valueOf(prop);
    if (!value) continue;
    if (key.value === 'Version') model.version = located(value) ?? { value: '', range: rangeOf(value), node: value };
    else if (key.value === 'Id') model.id = located(value) ?? { value: '', range: rangeOf(value), node: value };
    else if (key.value === 'Statement') {
      model.statementKeyRange = key.range;
      model.statementIsArray = value.type === 'array';
      const nodes = value.type === 'array' ? value.children ?? [] : [value];
      model.statements = nodes.filter((n) => n.type === 'object').map((n, i) => buildStatement(n, i));
    }
  }
  return model;
}

/** A plain JS value as JSON text → model; for inline policies in scenario files and tests. */
export function policyModelFromObject(value: unknown): PolicyModel | undefined {
  return parsePolicyText(JSON.stringify(value)).model;
}

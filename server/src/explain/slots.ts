// What a position in a policy document is: which element, which part of it. Hover reads the
// node under the cursor from the parse tree; completion reads jsonc-parser's `getLocation`,
// which copes with the half-typed text completion is asked about.
import { findNodeAtOffset, getLocation, getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { rangeOf, type OffsetRange } from '../policy/model';

export type ValueElement = 'Version' | 'Id' | 'Sid' | 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'NotResource';

export type PolicySlot =
  /** A key of the policy object (`Version`, `Statement`, …); `name` is the key as written. */
  | { slot: 'policyKey'; name: string }
  | { slot: 'statementKey'; name: string }
  | { slot: 'value'; element: ValueElement }
  /** A key inside `Principal`: `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  | { slot: 'principalType'; element: 'Principal' | 'NotPrincipal'; name: string }
  /** `principalType` is `*` for the bare `"Principal": "*"`. */
  | { slot: 'principalValue'; element: 'Principal' | 'NotPrincipal'; principalType: string }
  | { slot: 'conditionOperator'; name: string }
  | { slot: 'conditionKey'; operator: string; name: string }
  | { slot: 'conditionValue'; operator: string; key: string };

export interface SlotAt {
  slot: PolicySlot;
  /** Whether the slot is inside a statement (not at the policy's top level). */
  inStatement: boolean;
}

const VALUE_ELEMENTS = new Set<string>(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource']);
const LIST_ELEMENTS = new Set<string>(['Action', 'NotAction', 'Resource', 'NotResource']);

/**
 * Classifies a JSON path (as jsonc-parser gives it) in a policy document. `isKey` says whether
 * the position is a property name; the path's last segment is then that name.
 */
export function classifyPath(path: JSONPath, isKey: boolean): SlotAt | undefined {
  if (path.length === 0) return undefined;
  if (path.length === 1) {
    if (isKey) return { slot: { slot: 'policyKey', name: String(path[0]) }, inStatement: false };
    if (path[0] === 'Version' || path[0] === 'Id') return { slot: { slot: 'value', element: path[0] }, inStatement: false };
    return undefined;
  }
  if (path[0] !== 'Statement') return undefined;
  // `"Statement": [ {…} ]` or the single-statement form `"Statement": {…}`.
  const rest = typeof path[1] === 'number' ? path.slice(2) : path.slice(1);
  const slot = classifyStatementPath(rest, isKey);
  return slot ? { slot, inStatement: true } : undefined;
}

function classifyStatementPath(p: JSONPath, isKey: boolean): PolicySlot | undefined {
  if (p.length === 0 || typeof p[0] !== 'string') return undefined;
  const element = p[0];
  if (p.length === 1 && isKey) return { slot: 'statementKey', name: element };
  if (VALUE_ELEMENTS.has(element)) {
    const inList = p.length === 2 && typeof p[1] === 'number' && LIST_ELEMENTS.has(element);
    if (!isKey && (p.length === 1 || inList)) return { slot: 'value', element: element as ValueElement };
    return undefined;
  }
  if (element === 'Principal' || element === 'NotPrincipal') {
    if (p.length === 1) return isKey ? undefined : { slot: 'principalValue', element, principalType: '*' };
    const type = String(p[1]);
    if (p.length === 2) return isKey ? { slot: 'principalType', element, name: type } : { slot: 'principalValue', element, principalType: type };
    if (p.length === 3 && !isKey && typeof p[2] === 'number') return { slot: 'principalValue', element, principalType: type };
    return undefined;
  }
  if (element === 'Condition') {
    if (p.length === 2 && isKey) return { slot: 'conditionOperator', name: String(p[1]) };
    if (p.length === 3 && isKey) return { slot: 'conditionKey', operator: String(p[1]), name: String(p[2]) };
    if (!isKey && (p.length === 3 || (p.length === 4 && typeof p[3] === 'number'))) {
      return { slot: 'conditionValue', operator: String(p[1]), key: String(p[2]) };
    }
  }
  return undefined;
}

export interface NodeSlot extends SlotAt {
  /** The string (or other scalar) under the cursor; its range includes the quotes. */
  node: Node;
  range: OffsetRange;
  /** The node's text: a key's name or a scalar's value. */
  text: string;
}

/** The key or scalar value under `offset` in a parse tree, classified. */
export function slotAtNode(root: Node, offset: number): NodeSlot | undefined {
  const node = findNodeAtOffset(root, offset, true);
  if (!node || node.type === 'object' || node.type === 'array' || node.type === 'property') return undefined;
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.children?.[0] === node;
  const classified = classifyPath(getNodePath(node), isKey);
  if (!classified) return undefined;
  return { ...classified, node, range: rangeOf(node), text: String(node.value) };
}

export interface CompletionSlot extends SlotAt {
  /** The range completion replaces: the whole string being typed (quotes included) or the empty cursor range. */
  replace: OffsetRange;
  /** Whether `replace` covers a quoted string (so items need their own quotes). */
  quoted: boolean;
  /** What was typed so far, without quotes, up to the cursor. */
  typed: string;
  /** For keys: whether a `:` already follows, so an item inserts only the name. */
  hasColon: boolean;
  /** The JSON path at the cursor (statement index included). */
  path: JSONPath;
}

/** Where completion was asked for, in possibly incomplete text. */
export function slotForCompletion(text: string, offset: number): CompletionSlot | undefined {
  const location = getLocation(text, offset);
  const classified = classifyPath(location.path, location.isAtPropertyKey);
  if (!classified) return undefined;
  const previous = location.previousNode;
  // jsonc-parser reports the key being typed as a `property` node spanning the key string.
  const end = previous ? previous.offset + previous.length : 0;
  // Inside the quotes, or at the end of a string whose closing quote is not typed yet.
  const closed = previous !== undefined && previous.length > 1 && text[end - 1] === '"';
  const isString = previous !== undefined && (previous.type === 'string' || previous.type === 'property') && offset > previous.offset && (offset < end || (offset === end && !closed));
  let replace: OffsetRange = { start: offset, end: offset };
  let typed = '';
  if (previous && !isString) return undefined; // just after a complete value: nothing belongs there
  if (isString) {
    replace = { start: previous.offset, end: previous.offset + previous.length };
    typed = text.slice(previous.offset + 1, offset);
  } else if (!location.isAtPropertyKey && location.previousNode === undefined && /[\w:*.-]/.test(text[offset - 1] ?? '')) {
    return undefined; // a bare word outside quotes (a number, `true`): nothing to offer
  }
  const after = text.slice(replace.end, replace.end + 200);
  return { ...classified, replace, quoted: isString, typed, hasColon: /^\s*:/.test(after), path: location.path };
}

/**
 * Where completion was asked for in a policy written in YAML or HCL, from its tree (the text is
 * no JSON for getLocation): the scalar under the cursor. A YAML list item being typed as
 * `- s3:` reads as a key with no value; it is the value `s3:` being typed.
 */
export function slotForCompletionInTree(root: Node, text: string, offset: number): CompletionSlot | undefined {
  let node = findNodeAtOffset(root, offset, true);
  // Just after `s3:`, the cursor is past the key the YAML parser made of it.
  if ((!node || node.type !== 'string') && text[offset - 1] === ':') node = findNodeAtOffset(root, offset - 1, true);
  if (!node || node.type !== 'string') return undefined;
  const parent = node.parent;
  let isKey = parent?.type === 'property' && parent.children?.[0] === node;
  let path = getNodePath(node);
  let replace: OffsetRange = rangeOf(node);
  const value = isKey ? parent!.children?.[1] : undefined;
  if (isKey && value?.type === 'null' && value.length === 0 && text[node.offset + node.length] === ':' && parent!.parent?.children?.length === 1) {
    isKey = false;
    path = getNodePath(parent!.parent!);
    replace = { start: node.offset, end: node.offset + node.length + 1 };
  }
  const classified = classifyPath(path, isKey);
  if (!classified) return undefined;
  const quoted = text[replace.start] === '"' || text[replace.start] === "'";
  return { ...classified, replace, quoted, typed: text.slice(replace.start + (quoted ? 1 : 0), offset), hasColon: isKey, path };
}

// The policy model: what a policy says, with the source range of every part of it.
//
// The model is built from a jsonc-parser `Node` tree. Offsets in that tree are offsets in
// the *host* text, so a policy embedded in a CloudFormation or Terraform file (converted
// into the same node shape by `server/src/embedded/`) maps every finding straight back to
// positions in its host file. Nothing here knows about LSP or vscode.
import type { Node } from 'jsonc-parser';

/** Half-open offset range [start, end) in the host text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface Located<T> {
  value: T;
  range: OffsetRange;
  /** The JSON node the value came from (its key's node for `keyRange`). */
  node: Node;
}

/** A scalar as written: strings stay strings; numbers and booleans keep their JSON type. */
export interface ScalarValue {
  text: string;
  jsonType: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'property';
  range: OffsetRange;
  node: Node;
}

export type PrincipalKind = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | string;

export interface PrincipalEntry {
  /** `*` when the element is the bare string `"*"`. */
  kind: PrincipalKind | '*';
  value: ScalarValue;
}

export interface PrincipalBlock {
  /** The `Principal`/`NotPrincipal` key. */
  keyRange: OffsetRange;
  range: OffsetRange;
  /** True for `"Principal": "*"`. */
  wildcard: boolean;
  entries: PrincipalEntry[];
  /** Principal keys as written (`AWS`, `Service`, …), with their ranges. */
  kinds: Located<string>[];
  node: Node;
}

export interface ConditionEntry {
  /** Operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: Located<string>;
  key: Located<string>;
  values: ScalarValue[];
  /** Whether the values were written as an array (even of one). */
  valuesIsArray: boolean;
  /** Range of the values node (array or scalar). */
  valuesRange: OffsetRange;
}

export interface ConditionBlock {
  keyRange: OffsetRange;
  range: OffsetRange;
  entries: ConditionEntry[];
  /** Operators as written, including ones with no keys. */
  operators: Located<string>[];
  node: Node;
}

export interface StringListElement {
  keyRange: OffsetRange;
  range: OffsetRange;
  /** Whether written as an array. */
  isArray: boolean;
  values: ScalarValue[];
  node: Node;
}

export interface Statement {
  index: number;
  range: OffsetRange;
  node: Node;
  sid?: Located<string>;
  effect?: Located<string>;
  action?: StringListElement;
  notAction?: StringListElement;
  resource?: StringListElement;
  notResource?: StringListElement;
  principal?: PrincipalBlock;
  notPrincipal?: PrincipalBlock;
  condition?: ConditionBlock;
  /** Every key as written, for unknown-element and duplicate checks. */
  keys: Located<string>[];
}

export interface PolicyModel {
  range: OffsetRange;
  node: Node;
  version?: Located<string>;
  id?: Located<string>;
  /** `Statement` key range, when present. */
  statementKeyRange?: OffsetRange;
  statementIsArray: boolean;
  statements: Statement[];
  /** Top-level keys as written. */
  keys: Located<string>[];
}

export type DocumentKind = 'identity' | 'resource' | 'trust' | 'session' | 'boundary' | 'scp' | 'rcp';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['identity', 'resource', 'trust', 'session', 'boundary', 'scp', 'rcp'];

export function rangeOf(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

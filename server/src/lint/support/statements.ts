// Questions rules ask about one statement: which actions it covers, which conditions it holds.
import { wildcardMatch } from '../../iam/wildcard';
import type { ConditionEntry, ScalarValue, Statement } from '../../policy/model';
import { memoize } from './memo';
import { parseOperator, type ParsedOperator } from '../../iam/condition-operators';

export function isAllow(st: Statement): boolean {
  return st.effect?.value === 'Allow';
}

export function isDeny(st: Statement): boolean {
  return st.effect?.value === 'Deny';
}

export function stringValues(values: ScalarValue[] | undefined): ScalarValue[] {
  return (values ?? []).filter((v) => v.jsonType === 'string');
}

/** Whether the statement's Action (or NotAction) applies to `action`, e.g. `sts:AssumeRole`. */
export function statementCoversAction(st: Statement, action: string): boolean {
  if (st.action) return stringValues(st.action.values).some((v) => wildcardMatch(v.text, action, true));
  if (st.notAction) return !stringValues(st.notAction.values).some((v) => wildcardMatch(v.text, action, true));
  return false;
}

/** Whether the statement's Action names `action` through a wildcard rather than literally. */
export function statementNamesActionLiterally(st: Statement, action: string): boolean {
  return stringValues(st.action?.values).some((v) => v.text.toLowerCase() === action.toLowerCase());
}

export interface ConditionUse {
  entry: ConditionEntry;
  operator: ParsedOperator | undefined;
}

export const conditionUses = memoize((st: Statement): ConditionUse[] =>
  (st.condition?.entries ?? []).map((entry) => ({ entry, operator: parseOperator(entry.operator.value) })),
);

/** Conditions on a key (case-insensitive), or on any key for which `match` is true. */
export function conditionsOnKey(st: Statement, match: string | ((lowerKey: string) => boolean)): ConditionUse[] {
  const test = typeof match === 'string' ? (k: string) => k === match.toLowerCase() : match;
  return conditionUses(st).filter((u) => test(u.entry.key.value.toLowerCase()));
}

/**
 * A condition that restricts to listed values: a positive, non-`IfExists` operator (other than
 * `Null`). `IfExists` lets requests without the key through, and a negated operator admits
 * everything not listed, so neither narrows who can match.
 */
export function isRestrictingUse(u: ConditionUse): boolean {
  const op = u.operator;
  return op !== undefined && !op.negated && !op.ifExists && op.family !== 'Null' && u.entry.values.length > 0;
}

/** The same for a key in every request the statement applies to, where `…IfExists` changes nothing. */
export function isRestrictingUseOfPresentKey(u: ConditionUse): boolean {
  const op = u.operator;
  return op !== undefined && !op.negated && op.family !== 'Null' && u.entry.values.length > 0;
}

export function valueIsTrue(v: ScalarValue): boolean {
  return v.text.toLowerCase() === 'true';
}

export function valueIsFalse(v: ScalarValue): boolean {
  return v.text.toLowerCase() === 'false';
}

/** Condition keys written as `prefix:name` (every entry of every statement), with their prefix. */
export function* prefixedConditionKeys(statements: readonly Statement[]): Generator<{ entry: ConditionEntry; key: string; prefix: string }> {
  for (const st of statements) {
    for (const entry of st.condition?.entries ?? []) {
      const key = entry.key.value;
      const colon = key.indexOf(':');
      if (colon > 0) yield { entry, key, prefix: key.slice(0, colon) };
    }
  }
}

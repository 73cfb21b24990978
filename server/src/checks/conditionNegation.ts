// The negation of one condition entry, where IAM's own operators can write it exactly. A Deny
// whose condition is C takes away the requests where C holds; what a new Allow still grants
// beside it is "its condition and not C", which the no-new-access check can then compare with
// the existing statements like any other condition.
//
// Exact only for a key with one value per request (a multivalued key without a set qualifier
// compares value by value, so "not any value matches" is no single operator), and for the
// operators whose counterpart IAM defines as the exact opposite on a present key:
// - a negated operator holds when the key is absent or no value matches, so its negation is the
//   positive operator (the key present and some value matching), IfExists or not;
// - a positive operator without IfExists fails when the key is absent, so its negation is the
//   negated operator; with IfExists it holds when the key is absent, so its negation is the
//   negated operator and `Null: false` (the key present);
// - `Null: true` and `Null: false` negate each other.
// Elsewhere only a part of the negation is written (the key absent), which can show that a
// Deny leaves some request alone but never that it takes everything away.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import type { IamData } from '../data/iamData';
import { isMultivaluedType } from '../iam/condition-operators';
import { checkCondition, type CheckCondition } from './conditionImplication';

const OPPOSITES: ReadonlyArray<[positive: string, negated: string]> = [
  ['StringEquals', 'StringNotEquals'],
  ['StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase'],
  ['StringLike', 'StringNotLike'],
  ['ArnEquals', 'ArnNotEquals'],
  ['ArnLike', 'ArnNotLike'],
  ['NumericEquals', 'NumericNotEquals'],
  ['DateEquals', 'DateNotEquals'],
  ['IpAddress', 'NotIpAddress'],
];
const OPPOSITE = new Map<string, string>(OPPOSITES.flatMap(([p, n]) => [[p, n], [n, p]] as Array<[string, string]>));

/** Whether the IAM reference lists the key with a single-valued type. */
export function isSingleValuedKey(data: IamData, key: string): boolean {
  const info = data.conditionKey(key);
  return info !== undefined && !isMultivaluedType(info.type);
}

export interface Negation {
  /** Entries whose conjunction holds exactly when the entry does not (`exact`), or on part of that (`subset`). */
  entries: CheckCondition[];
  exact: boolean;
}

/**
 * The negation of `c`: exact where IAM's operators can write it; otherwise, for a positive
 * operator that fails on an absent key, the part "the key is absent" (`Null: true`), which is
 * enough to show a request the Deny leaves alone. Undefined when neither can be written.
 */
export function negateEntry(c: CheckCondition, data: IamData): Negation | undefined {
  const r = c.read;
  if (!r.facts || r.problem || c.values.length === 0) return undefined;
  // A policy variable whose key the request lacks makes both the operator and its opposite
  // false, so no entry with one has an exact negation.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
  if (c.values.some((v) => v.includes('${'))) return undefined;
  if (r.facts.family === 'Null') {
    if (r.ifExists || r.qualifier || c.values.length !== 1) return undefined;
    const v = c.values[0].toLowerCase();
    if (v !== 'true' && v !== 'false') return undefined;
    return { entries: [checkCondition('Null', c.key, [v === 'true' ? 'false' : 'true'])], exact: true };
  }
  const opposite = OPPOSITE.get(r.facts.name);
  if (opposite && !r.qualifier && isSingleValuedKey(data, c.key)) {
    const flipped = checkCondition(opposite, c.key, c.values);
    if (r.facts.negated || !r.ifExists) return { entries: [flipped], exact: true };
    return { entries: [flipped, checkCondition('Null', c.key, ['false'])], exact: true };
  }
  // An absent key fails a positive operator without IfExists, and ForAnyValue too.
  if (!r.facts.negated && !r.ifExists && r.qualifier !== 'ForAllValues') return { entries: [checkCondition('Null', c.key, ['true'])], exact: false };
  return undefined;
}

// One condition operator: how to read a policy value and how to compare a request value
// with it. What the operator is (its family, whether it is negated, whether it takes policy
// variables) comes from the shared table in iam/condition-operators; this side adds only the
// comparison. Negated operators (`StringNotEquals`, `NotIpAddress` …) are declared with the
// positive comparison; the condition evaluator applies "matches none of the values".
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { operatorFacts, type OperatorFamily } from '../../iam/condition-operators';
import type { GlobPart } from '../../iam/wildcard';

export type { OperatorFamily } from '../../iam/condition-operators';

/** A policy value after variable substitution: its text, and its parts for wildcard-aware operators. */
export interface PolicyValueInput {
  text: string;
  parts: readonly GlobPart[];
}

export interface ConditionOperator<P = unknown> {
  readonly name: string;
  readonly family: OperatorFamily;
  /** True when several policy values mean "the request value equals none of them". */
  readonly negated: boolean;
  /** Policy variables are substituted only in string and ARN operators. */
  readonly acceptsVariables: boolean;
  /** `Null` tests whether the key is present; it never compares values. */
  readonly testsPresence?: boolean;
  /** Reads a policy value once; undefined when it is malformed for this operator. */
  prepare(value: PolicyValueInput): P | undefined;
  /** Positive comparison of one request value with one prepared policy value. */
  test(requestValue: string, policyValue: P): boolean;
  /**
   * For operators that compare by exact string equality: `test(rv, pv)` holds exactly when
   * `lookupKey(rv) === pv` (pv is then a string), so many values are matched with one set.
   */
  readonly lookupKey?: (requestValue: string) => string;
}

export interface OperatorBehaviour<P> {
  prepare(value: PolicyValueInput): P | undefined;
  test(requestValue: string, policyValue: P): boolean;
  lookupKey?: (requestValue: string) => string;
}

/** The operator of the shared table named `name`, comparing as `behaviour` says. */
export function defineOperator<P>(name: string, behaviour: OperatorBehaviour<P>): ConditionOperator {
  const facts = operatorFacts(name);
  if (!facts || facts.name !== name) throw new Error(`${name} is not a condition operator of the shared table`);
  const op: ConditionOperator<P> = {
    name,
    family: facts.family,
    negated: facts.negated,
    acceptsVariables: facts.acceptsVariables,
    ...(facts.testsPresence ? { testsPresence: true } : {}),
    ...behaviour,
  };
  // Erases the prepared-value type so operators of every family share one registry.
  return op as unknown as ConditionOperator;
}

// One condition operator: how to read a policy value and how to compare a request value
// with it. Negated operators (`StringNotEquals`, `NotIpAddress` …) are declared with the
// positive comparison; the condition evaluator applies "matches none of the values".
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import type { GlobPart } from '../wildcard/glob';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

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
}

/** Erases the prepared-value type so operators of every family share one registry. */
export function defineOperator<P>(op: ConditionOperator<P>): ConditionOperator {
  return op as unknown as ConditionOperator;
}

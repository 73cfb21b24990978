// The engine's comparison for every operator of the shared table (iam/condition-operators),
// and an operator name as written (`ForAnyValue:StringLikeIfExists`) joined to it.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import { arnOperators } from './arn';
import { binaryOperators } from './binary';
import { boolOperators } from './bool';
import { dateOperators } from './date';
import { ipOperators } from './ip';
import { nullOperators } from './null';
import { numericOperators } from './numeric';
import { readOperator, type SetQualifier } from '../../iam/condition-operators';
import type { ConditionOperator } from './operator';
import { stringOperators } from './string';

export const CONDITION_OPERATORS: readonly ConditionOperator[] = [
  ...stringOperators,
  ...numericOperators,
  ...dateOperators,
  ...boolOperators,
  ...binaryOperators,
  ...ipOperators,
  ...arnOperators,
  ...nullOperators,
];

const byName = new Map(CONDITION_OPERATORS.map((op) => [op.name, op]));

export type { SetQualifier } from '../../iam/condition-operators';

export interface ParsedOperatorName {
  written: string;
  qualifier: SetQualifier | undefined;
  ifExists: boolean;
  operator: ConditionOperator | undefined;
  /** Why the name could not be read, when it could not. */
  problem?: string;
}

/** The name read by the shared table, joined to the operator that compares. */
export function parseOperatorName(written: string): ParsedOperatorName {
  const { qualifier, ifExists, facts, problem } = readOperator(written);
  if (!facts) return { written, qualifier, ifExists, operator: undefined, problem };
  const operator = byName.get(facts.name);
  if (!operator) return { written, qualifier, ifExists, operator, problem: `unknown condition operator "${written}"` };
  if (operator.testsPresence && (ifExists || qualifier)) {
    return { written, qualifier, ifExists, operator: undefined, problem: `"${written}": Null takes neither IfExists nor a set qualifier` };
  }
  return { written, qualifier, ifExists, operator };
}

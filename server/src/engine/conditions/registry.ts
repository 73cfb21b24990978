// The one list of condition operators, and how an operator name as written
// (`ForAnyValue:StringLikeIfExists`) is read into set qualifier, operator and IfExists.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import { arnOperators } from './arn';
import { binaryOperators } from './binary';
import { boolOperators } from './bool';
import { dateOperators } from './date';
import { ipOperators } from './ip';
import { nullOperators } from './null';
import { numericOperators } from './numeric';
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

const byName = new Map(CONDITION_OPERATORS.map((op) => [op.name.toLowerCase(), op]));

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ParsedOperatorName {
  written: string;
  qualifier: SetQualifier | undefined;
  ifExists: boolean;
  operator: ConditionOperator | undefined;
  /** Why the name could not be read, when it could not. */
  problem?: string;
}

export function parseOperatorName(written: string): ParsedOperatorName {
  let rest = written;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else return { written, qualifier, ifExists: false, operator: undefined, problem: `unknown set qualifier "${rest.slice(0, colon)}"` };
    rest = rest.slice(colon + 1);
  }
  let operator = byName.get(rest.toLowerCase());
  let ifExists = false;
  if (!operator && rest.toLowerCase().endsWith('ifexists')) {
    operator = byName.get(rest.slice(0, -'IfExists'.length).toLowerCase());
    ifExists = operator !== undefined;
  }
  if (!operator) return { written, qualifier, ifExists, operator, problem: `unknown condition operator "${written}"` };
  if (operator.testsPresence && (ifExists || qualifier)) {
    return { written, qualifier, ifExists, operator: undefined, problem: `"${written}": Null takes neither IfExists nor a set qualifier` };
  }
  return { written, qualifier, ifExists, operator };
}

// Numeric operators: integers and decimals; a value that is not a number never compares.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
import { defineOperator, type ConditionOperator } from './operator';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

const numeric = (name: string, negated: boolean, compare: (request: number, policy: number) => boolean): ConditionOperator =>
  defineOperator<number>({
    name,
    family: 'Numeric',
    negated,
    acceptsVariables: false,
    prepare: (v) => parseNumber(v.text),
    test: (rv, pv) => {
      const n = parseNumber(rv);
      return n !== undefined && compare(n, pv);
    },
  });

export const numericOperators: readonly ConditionOperator[] = [
  numeric('NumericEquals', false, (r, p) => r === p),
  numeric('NumericNotEquals', true, (r, p) => r === p),
  numeric('NumericLessThan', false, (r, p) => r < p),
  numeric('NumericLessThanEquals', false, (r, p) => r <= p),
  numeric('NumericGreaterThan', false, (r, p) => r > p),
  numeric('NumericGreaterThanEquals', false, (r, p) => r >= p),
];

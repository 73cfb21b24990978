// Numeric operators: integers and decimals; a value that is not a number never compares.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
import { defineOperator, type ConditionOperator } from './operator';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

const numeric = (name: string, compare: (request: number, policy: number) => boolean): ConditionOperator =>
  defineOperator<number>(name, {
    prepare: (v) => parseNumber(v.text),
    test: (rv, pv) => {
      const n = parseNumber(rv);
      return n !== undefined && compare(n, pv);
    },
  });

export const numericOperators: readonly ConditionOperator[] = [
  numeric('NumericEquals', (r, p) => r === p),
  numeric('NumericNotEquals', (r, p) => r === p),
  numeric('NumericLessThan', (r, p) => r < p),
  numeric('NumericLessThanEquals', (r, p) => r <= p),
  numeric('NumericGreaterThan', (r, p) => r > p),
  numeric('NumericGreaterThanEquals', (r, p) => r >= p),
];

// BinaryEquals: the policy holds the base64 encoding of the bytes; the request value is
// compared in the same encoding, ignoring whitespace.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
import { defineOperator, type ConditionOperator } from './operator';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function normalize(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  return BASE64.test(t) && t.length % 4 === 0 ? t : undefined;
}

export const binaryOperators: readonly ConditionOperator[] = [
  defineOperator<string>('BinaryEquals', {
    prepare: (v) => normalize(v.text),
    test: (rv, pv) => normalize(rv) === pv,
  }),
];

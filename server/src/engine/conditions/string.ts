// String operators. `StringLike` takes `*` and `?` wildcards and is case-sensitive;
// `…IgnoreCase` compares without regard to case.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
import { compileGlobParts, globMatches } from '../../iam/wildcard';
import { defineOperator, type ConditionOperator } from './operator';

const equals = (name: string): ConditionOperator =>
  defineOperator<string>(name, {
    prepare: (v) => v.text,
    test: (rv, pv) => rv === pv,
    lookupKey: (rv) => rv,
  });

const equalsIgnoreCase = (name: string): ConditionOperator =>
  defineOperator<string>(name, {
    prepare: (v) => v.text.toLowerCase(),
    test: (rv, pv) => rv.toLowerCase() === pv,
    lookupKey: (rv) => rv.toLowerCase(),
  });

const like = (name: string): ConditionOperator =>
  defineOperator(name, {
    prepare: (v) => compileGlobParts(v.parts),
    test: (rv, glob) => globMatches(glob, rv),
  });

export const stringOperators: readonly ConditionOperator[] = [
  equals('StringEquals'),
  equals('StringNotEquals'),
  equalsIgnoreCase('StringEqualsIgnoreCase'),
  equalsIgnoreCase('StringNotEqualsIgnoreCase'),
  like('StringLike'),
  like('StringNotLike'),
];

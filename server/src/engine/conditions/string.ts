// String operators. `StringLike` takes `*` and `?` wildcards and is case-sensitive;
// `…IgnoreCase` compares without regard to case.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
import { compileGlobParts, globMatches } from '../wildcard/glob';
import { defineOperator, type ConditionOperator } from './operator';

const equals = (name: string, negated: boolean): ConditionOperator =>
  defineOperator<string>({
    name,
    family: 'String',
    negated,
    acceptsVariables: true,
    prepare: (v) => v.text,
    test: (rv, pv) => rv === pv,
  });

const equalsIgnoreCase = (name: string, negated: boolean): ConditionOperator =>
  defineOperator<string>({
    name,
    family: 'String',
    negated,
    acceptsVariables: true,
    prepare: (v) => v.text.toLowerCase(),
    test: (rv, pv) => rv.toLowerCase() === pv,
  });

const like = (name: string, negated: boolean): ConditionOperator =>
  defineOperator({
    name,
    family: 'String',
    negated,
    acceptsVariables: true,
    prepare: (v) => compileGlobParts(v.parts),
    test: (rv, glob) => globMatches(glob, rv),
  });

export const stringOperators: readonly ConditionOperator[] = [
  equals('StringEquals', false),
  equals('StringNotEquals', true),
  equalsIgnoreCase('StringEqualsIgnoreCase', false),
  equalsIgnoreCase('StringNotEqualsIgnoreCase', true),
  like('StringLike', false),
  like('StringNotLike', true),
];

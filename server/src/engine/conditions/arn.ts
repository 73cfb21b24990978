// ARN operators: `ArnEquals` and `ArnLike` behave alike, matching each of the six parts
// separately with `*` and `?` wildcards, case-sensitively.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
import { arnMatches, compileArnPattern } from '../arn/arn-pattern';
import { defineOperator, type ConditionOperator } from './operator';

const arn = (name: string, negated: boolean): ConditionOperator =>
  defineOperator({
    name,
    family: 'Arn',
    negated,
    acceptsVariables: true,
    prepare: (v) => compileArnPattern(v.parts),
    test: (rv, pattern) => arnMatches(pattern, rv),
  });

export const arnOperators: readonly ConditionOperator[] = [
  arn('ArnEquals', false),
  arn('ArnLike', false),
  arn('ArnNotEquals', true),
  arn('ArnNotLike', true),
];

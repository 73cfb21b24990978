// ARN operators: `ArnEquals` and `ArnLike` behave alike, matching each of the six parts
// separately with `*` and `?` wildcards, case-sensitively.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
import { arnMatches, compileArnPattern } from '../arn/arn-pattern';
import { defineOperator, type ConditionOperator } from './operator';

const arn = (name: string): ConditionOperator =>
  defineOperator(name, {
    prepare: (v) => compileArnPattern(v.parts),
    test: (rv, pattern) => arnMatches(pattern, rv),
  });

export const arnOperators: readonly ConditionOperator[] = [
  arn('ArnEquals'),
  arn('ArnLike'),
  arn('ArnNotEquals'),
  arn('ArnNotLike'),
];

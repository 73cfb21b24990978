import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// ARN keys are compared part by part by the Arn operators; StringLike compares the whole text,
// so a `*` can run across the colons into the account or Region parts. Access Analyzer
// recommends ArnLike (ArnNotLike for StringNotLike), which matches the same values part-wise.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
export const stringLikeOperatorWithArnConditionKeys: LintRule = {
  code: 'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
  type: 'SECURITY_WARNING',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'String' || !operator.like) continue;
        const info = data.conditionKey(entry.key.value);
        if (!info || (info.type !== 'ARN' && info.type !== 'ArrayOfARN')) continue;
        const arnOperator = entry.operator.value.replace(/string(not)?like/i, (_m, not: string | undefined) => (not ? 'ArnNotLike' : 'ArnLike'));
        report(
          entry.key.range,
          `The condition key ${entry.key.value} is of type ARN, and ${entry.operator.value} compares it as a plain string. We recommend that you use ${arnOperator} instead.`,
        );
      }
    }
  },
};

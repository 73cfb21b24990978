import { listText, notActionTagStatements } from '../support/tagConditionKeys';
import type { LintRule } from '../types';

// NotAction takes in every action not listed, including ones whose requests never carry the
// tag key: for those the condition is false and the Allow grants nothing.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-allow-notaction-with-unsupported-tag-condition-key-for-service
export const allowNotActionWithUnsupportedTagConditionKeyForService: LintRule = {
  code: 'ALLOW_NOT_ACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  type: 'SUGGESTION',
  check({ model, data }, report) {
    for (const t of notActionTagStatements(model, data, 'Allow')) {
      report(
        t.statement.notAction!.keyRange,
        `Using the effect Allow with NotAction and the tag condition key ${listText(t.keys)} allows only service actions that support the condition key. The condition key doesn't apply to some service actions. We recommend that you use Action instead of NotAction.`,
      );
    }
  },
};

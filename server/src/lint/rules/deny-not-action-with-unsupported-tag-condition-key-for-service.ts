import { listText, notActionTagStatements } from '../support/tagConditionKeys';
import type { LintRule } from '../types';

// NotAction takes in every action not listed, including ones whose requests never carry the
// tag key: for those the condition is false and the Deny does not apply.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-deny-notaction-with-unsupported-tag-condition-key-for-service
export const denyNotActionWithUnsupportedTagConditionKeyForService: LintRule = {
  code: 'DENY_NOT_ACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  type: 'SECURITY_WARNING',
  check({ model, data }, report) {
    for (const t of notActionTagStatements(model, data, 'Deny')) {
      report(
        t.statement.notAction!.keyRange,
        `Using the effect Deny with NotAction and the tag condition key ${listText(t.keys)} can be overly permissive because some service actions are not denied by this statement. This is because the condition key doesn't apply to some service actions. We recommend that you use Action instead of NotAction.`,
      );
    }
  },
};

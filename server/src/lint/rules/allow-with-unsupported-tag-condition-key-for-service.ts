import { listText, servicesText, unsupportedTagActions } from '../support/tagConditionKeys';
import type { LintRule } from '../types';

// A tag key that an action does not support is absent from its request context, so the
// condition is false and the Allow never grants that action.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-allow-with-unsupported-tag-condition-key-for-service
export const allowWithUnsupportedTagConditionKeyForService: LintRule = {
  code: 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  type: 'SUGGESTION',
  check({ model, data }, report) {
    for (const u of unsupportedTagActions(model, data, 'Allow')) {
      report(
        u.value.range,
        `Using the effect Allow with the tag condition key ${listText(u.keys)} and actions for services with the following prefixes does not affect the policy: ${servicesText(u.services)}. Actions for the listed service are not allowed by this statement. We recommend that you move these actions to a different statement without this condition key.`,
      );
    }
  },
};

import { listText, servicesText, unsupportedTagActions } from '../support/tagConditionKeys';
import type { LintRule } from '../types';

// A tag key that an action does not support is absent from its request context, so the
// condition is false and the Deny does not apply to that action, however the resource is tagged.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-deny-with-unsupported-tag-condition-key-for-service
export const denyWithUnsupportedTagConditionKeyForService: LintRule = {
  code: 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE',
  type: 'SECURITY_WARNING',
  check({ model, data }, report) {
    for (const u of unsupportedTagActions(model, data, 'Deny')) {
      report(
        u.value.range,
        `Using the effect Deny with the tag condition key ${listText(u.keys)} and actions for services with the following prefixes can be overly permissive: ${servicesText(u.services)}. Actions for the listed services are not denied by this statement. We recommend that you move these actions to a different statement without this condition key.`,
      );
    }
  },
};

import { policyAnchor } from '../support/ranges';
import { IDENTITY_POLICY_QUOTA, sizeWithoutWhitespace, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

// At Access Analyzer's own threshold, 10,240 characters without whitespace; the 6,144 of a
// customer managed policy is POLICY_SIZE_EXCEEDS_MANAGED_POLICY_QUOTA.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-general-warning-policy-size-exceeds-identity-policy-quota
export const policySizeExceedsIdentityPolicyQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
  type: 'WARNING',
  kinds: ['identity', 'boundary'],
  check({ model, text }, report) {
    const size = sizeWithoutWhitespace(text);
    if (size > IDENTITY_POLICY_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(size)} characters in the identity policy, excluding whitespace, exceed the ${formatCount(IDENTITY_POLICY_QUOTA)} character maximum for inline and managed policies. We recommend that you use multiple granular policies.`);
    }
  },
};

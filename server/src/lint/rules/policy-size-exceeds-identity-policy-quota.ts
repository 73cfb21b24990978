import { policyAnchor } from '../support/ranges';
import { IDENTITY_POLICY_QUOTA, sizeWithoutWhitespace, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

/** Boundaries are managed policies too, so the managed policy quota applies. */
export const policySizeExceedsIdentityPolicyQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
  type: 'WARNING',
  kinds: ['identity', 'boundary'],
  check({ model, text }, report) {
    const size = sizeWithoutWhitespace(text);
    if (size > IDENTITY_POLICY_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(size)} characters in the identity policy, excluding whitespace, exceed the ${formatCount(IDENTITY_POLICY_QUOTA)} character maximum for managed policies. We recommend that you use multiple granular policies.`);
    }
  },
};

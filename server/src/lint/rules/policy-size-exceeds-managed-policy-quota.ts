import { policyAnchor } from '../support/ranges';
import { IDENTITY_POLICY_QUOTA, MANAGED_POLICY_QUOTA, sizeWithoutWhitespace, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

// Between the 6,144 characters a customer managed policy (or a permissions boundary, which is
// one) may hold and the 10,240 of Access Analyzer's identity policy check: IAM refuses to save it
// as a managed policy, though it fits inline. AWS managed policies are not bound by the quota.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
export const policySizeExceedsManagedPolicyQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_MANAGED_POLICY_QUOTA',
  type: 'SUGGESTION',
  kinds: ['identity', 'boundary'],
  check({ model, text }, report) {
    const size = sizeWithoutWhitespace(text);
    if (size > MANAGED_POLICY_QUOTA && size <= IDENTITY_POLICY_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(size)} characters in the policy, excluding whitespace, exceed the ${formatCount(MANAGED_POLICY_QUOTA)} characters of a customer managed policy: IAM stores it only as an inline policy (up to ${formatCount(IDENTITY_POLICY_QUOTA)}).`);
    }
  },
};

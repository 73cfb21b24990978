import { policyAnchor } from '../support/ranges';
import { ROLE_TRUST_POLICY_QUOTA, sizeWithoutWhitespace, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

export const policySizeExceedsRoleTrustPolicyQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA',
  type: 'WARNING',
  kinds: ['trust'],
  check({ model, text }, report) {
    const size = sizeWithoutWhitespace(text);
    if (size > ROLE_TRUST_POLICY_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(size)} characters in the role trust policy, excluding whitespace, exceed the default ${formatCount(ROLE_TRUST_POLICY_QUOTA)} character maximum (the quota can be raised to 8,192).`);
    }
  },
};

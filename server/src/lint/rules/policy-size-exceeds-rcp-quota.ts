import { policyAnchor } from '../support/ranges';
import { RCP_QUOTA, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

// "All characters in your RCP count against its maximum size":
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
export const policySizeExceedsRcpQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_RCP_QUOTA',
  type: 'ERROR',
  kinds: ['rcp'],
  check({ model, text }, report) {
    if (text.length > RCP_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(text.length)} characters in the resource control policy (RCP) exceed the ${formatCount(RCP_QUOTA)} character maximum for RCPs. Remove white space outside strings, or use multiple granular policies.`);
    }
  },
};

import { policyAnchor } from '../support/ranges';
import { SCP_QUOTA, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

/** Organizations counts every character, white space included, of a policy saved through the API. */
export const policySizeExceedsScpQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_SCP_QUOTA',
  type: 'ERROR',
  kinds: ['scp'],
  check({ model, text }, report) {
    if (text.length > SCP_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(text.length)} characters in the service control policy (SCP) exceed the ${formatCount(SCP_QUOTA)} character maximum for SCPs. Remove white space outside strings, or use multiple granular policies.`);
    }
  },
};

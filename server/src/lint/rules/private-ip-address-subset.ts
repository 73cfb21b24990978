import { mixedSourceIpEntries } from '../support/privateIpSubset';
import type { LintRule } from '../types';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-private-ip-address-subset
export const privateIpAddressSubset: LintRule = {
  code: 'PRIVATE_IP_ADDRESS_SUBSET',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const entry of mixedSourceIpEntries(model, false)) {
      report(
        entry.key.range,
        'The values for condition key aws:SourceIp include a mix of private and public IP addresses. The private addresses will not have the desired effect. aws:SourceIp works only for public IP address ranges. To define permissions for private IP ranges, use aws:VpcSourceIp.',
      );
    }
  },
};

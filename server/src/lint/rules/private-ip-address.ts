import { isPrivateCidr, parseCidr } from '../support/ipRanges';
import { conditionsOnKey, stringValues } from '../support/statements';
import type { LintRule } from '../types';

function isPrivateText(text: string): boolean {
  const c = parseCidr(text);
  return c !== undefined && isPrivateCidr(c);
}

// aws:SourceIp holds the public address a request came from, so an IpAddress condition that
// lists only private ranges never matches.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-private-ip-address
export const privateIpAddress: LintRule = {
  code: 'PRIVATE_IP_ADDRESS',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionsOnKey(st, 'aws:sourceip')) {
        if (operator?.base !== 'IpAddress') continue;
        const values = stringValues(entry.values);
        if (values.length === 0 || values.length !== entry.values.length || !values.every((v) => isPrivateText(v.text))) continue;
        report(
          entry.key.range,
          `aws:SourceIp works only for public IP address ranges. The values for condition key ${entry.key.value} include only private IP addresses and will not have the desired effect. Update the value to include only public IP addresses.`,
        );
      }
    }
  },
};

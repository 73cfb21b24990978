import { isPrivateCidr, parseCidr } from '../support/ipRanges';
import { conditionsOnKey, stringValues } from '../support/statements';
import type { LintRule } from '../types';

function isPrivateText(text: string): boolean {
  const c = parseCidr(text);
  return c !== undefined && isPrivateCidr(c);
}

// NotIpAddress on aws:SourceIp with only private ranges excludes nothing: the key never holds
// a private address, so the condition is always true.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-private-not-ip-address
export const privateNotIpAddress: LintRule = {
  code: 'PRIVATE_NOT_IP_ADDRESS',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionsOnKey(st, 'aws:sourceip')) {
        if (operator?.base !== 'NotIpAddress') continue;
        const values = stringValues(entry.values);
        if (values.length === 0 || values.length !== entry.values.length || !values.every((v) => isPrivateText(v.text))) continue;
        report(
          entry.key.range,
          `The values for condition key ${entry.key.value} include only private IP addresses and has no effect. aws:SourceIp works only for public IP address ranges. Update the value to include only public IP addresses.`,
        );
      }
    }
  },
};

import { holdsVariable } from '../support/conditionValues';
import { normalizedCidr, parseCidr } from '../support/ipRanges';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// Bits after the prefix length are ignored, so `203.0.113.7/24` means `203.0.113.0/24`; writing
// the network address says what the condition really matches.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-improve-ip-range
export const improveIpRange: LintRule = {
  code: 'IMPROVE_IP_RANGE',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'IpAddress') continue;
        for (const v of entry.values) {
          if (v.jsonType !== 'string' || holdsVariable(v.text)) continue;
          const cidr = parseCidr(v.text);
          const better = cidr && cidr.hasPrefix ? normalizedCidr(cidr) : undefined;
          if (better) report(v.range, `The non-zero bits in the IP address after the masked bits are ignored. Replace ${v.text} with ${better}.`);
        }
      }
    }
  },
};

import { conditionsOnKey, conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// aws:VpcSourceIp compares a private address, and private ranges repeat from VPC to VPC: without
// the VPC the same range matches requests from any VPC. The reference pairs it with
// aws:SourceVpc; an endpoint ID (aws:SourceVpce) pins one VPC as well, so it counts too.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-missing-paired-condition-keys
const PAIRS: ReadonlyArray<{ key: string; pairedWith: readonly string[]; recommend: string }> = [
  { key: 'aws:vpcsourceip', pairedWith: ['aws:sourcevpc', 'aws:sourcevpce'], recommend: 'aws:SourceVpc' },
];

export const missingPairedConditionKeys: LintRule = {
  code: 'MISSING_PAIRED_CONDITION_KEYS',
  type: 'SECURITY_WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      if (conditionUses(st).length === 0) continue;
      for (const pair of PAIRS) {
        const uses = conditionsOnKey(st, pair.key);
        if (uses.length === 0 || pair.pairedWith.some((k) => conditionsOnKey(st, k).length > 0)) continue;
        for (const u of uses) {
          report(
            u.entry.key.range,
            `Using the condition key ${u.entry.key.value} can be overly permissive without also using the following condition keys: ${pair.recommend}. Condition keys like this one are more secure when paired with a related key. We recommend that you add the related condition keys to the same condition block.`,
          );
        }
      }
    }
  },
};

// aws:SourceIp conditions that mix private and public addresses. aws:SourceIp holds the public
// address a request comes from; requests through a VPC endpoint carry aws:VpcSourceIp instead,
// so private values under aws:SourceIp never match.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
import type { ConditionEntry, PolicyModel } from '../../policy/model';
import { holdsVariable } from './conditionValues';
import { isPrivateCidr, parseCidr } from './ipRanges';
import { conditionsOnKey } from './statements';

/** aws:SourceIp entries under IpAddress (negated false) or NotIpAddress (true) with both kinds of values. */
export function mixedSourceIpEntries(model: PolicyModel, negated: boolean): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  for (const st of model.statements) {
    for (const u of conditionsOnKey(st, 'aws:sourceip')) {
      if (u.operator?.family !== 'IpAddress' || u.operator.negated !== negated) continue;
      let privateCount = 0;
      let publicCount = 0;
      for (const v of u.entry.values) {
        if (v.jsonType !== 'string' || holdsVariable(v.text)) continue;
        const c = parseCidr(v.text);
        if (!c) continue;
        if (isPrivateCidr(c)) privateCount++;
        else publicCount++;
      }
      if (privateCount > 0 && publicCount > 0) out.push(u.entry);
    }
  }
  return out;
}

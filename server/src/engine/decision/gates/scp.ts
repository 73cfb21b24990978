// SCPs: every organisation level, from the root down to the account, needs an Allow that
// matches; a level without one denies implicitly.
import type { PolicyRef } from '../../types';
import type { Gate } from '../gate';

export const scpGate: Gate = {
  name: 'SCP',
  doc: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html',
  decide(s) {
    const levels = s.policies.scpLevels;
    if (!levels || s.scpSkip) return undefined;
    for (let li = 0; li < levels.length; li++) {
      if (!levels[li].some((p) => p.allows)) {
        const ref: PolicyRef = { type: 'scp', index: 0, level: li, label: `SCPs at organisation level ${li + 1}` };
        return { decision: 'implicitDeny', summary: `Implicit deny: no SCP at organisation level ${li + 1} allows ${s.request.action}.`, decidedBy: [], missingAllow: ref };
      }
    }
    return undefined;
  },
};

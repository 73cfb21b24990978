// RCPFullAWSAccess is attached at every level and cannot be detached, so every RCP level
// allows: only RCP denies bite, and the explicit-deny gate has already applied them.
import type { Gate } from '../gate';

export const rcpGate: Gate = {
  name: 'RCP',
  doc: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html',
  decide(s) {
    if (s.policies.rcpLevels && !s.rcpSkip) s.notes.push('RCPFullAWSAccess is attached at every organisation level: RCPs only deny.');
    return undefined;
  },
};

// A session policy limits a role or federated-user session to what both it and the identity
// policies allow; a GetFederationToken session without one has no permissions.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
import type { PolicyRef } from '../../types';
import type { Gate } from '../gate';

export const sessionGate: Gate = {
  name: 'session',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session',
  decide(s) {
    if (s.sessionOk) return undefined;
    const session = s.policies.session;
    const ref: PolicyRef = session?.ref ?? { type: 'session', index: 0, label: 'session policy' };
    const why = session ? `the session policy does not allow ${s.request.action}` : 'a GetFederationToken session without a session policy has no permissions';
    return { decision: 'implicitDeny', summary: `Implicit deny: ${why}.`, decidedBy: [], missingAllow: ref };
  },
};

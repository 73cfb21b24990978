// Identity-based policies: an IAM principal needs one of them to allow the request, unless the
// same account's resource policy named its role.
import type { PolicyRef } from '../../types';
import type { Gate } from '../gate';

export const identityGate: Gate = {
  name: 'identity',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html',
  decide(s) {
    if (s.identityOk || s.namedRole.length > 0) return undefined;
    const ref: PolicyRef = s.policies.identity[0]?.ref ?? { type: 'identity', index: 0, label: 'identity policies' };
    const extra = s.policies.resource && !s.crossAccount && !s.mustResourceAllow ? ', and the resource policy does not grant it to this caller' : '';
    return { decision: 'implicitDeny', summary: `Implicit deny: no identity policy allows ${s.request.action} on ${s.request.resource}${extra}.`, decidedBy: [], missingAllow: ref };
  },
};

// The resource policy's own grants. A caller that is not an IAM principal (a service, an
// identity provider, an anonymous caller) has only the resource policy. In the same account, a
// resource policy that names the caller itself grants on its own; one that names the caller's
// role still leaves the boundary and the session policy in force.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
import type { PrincipalMatchKind } from '../../types';
import type { Gate } from '../gate';
import { policyName, principalKindWords, where } from '../summary';

/** Resource-policy principals that grant on their own in the same account. */
const DIRECT_GRANT: ReadonlySet<PrincipalMatchKind | undefined> = new Set(['user', 'roleSession', 'federatedUser', 'wildcard', 'root', 'service', 'federated']);

export const resourcePolicyGate: Gate = {
  name: 'resource policy',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html',
  decide(s) {
    const action = s.request.action;
    const allows = s.resourceAllows;
    if (!s.iam) {
      if (allows.length > 0) {
        return { decision: 'allowed', summary: `Allowed: ${where(allows[0])} grants ${action} to ${principalKindWords(allows[0].principal?.kind)}.`, decidedBy: allows };
      }
      const why = s.policies.resource ? `${policyName(s.resourceRef)} does not allow this caller` : `no ${s.resourceRef.label} was given`;
      return { decision: 'implicitDeny', summary: `Implicit deny: this caller has no identity policies and ${why}.`, decidedBy: [], missingAllow: s.resourceRef };
    }
    if (s.crossAccount) return undefined;
    const direct = allows.filter((st) => DIRECT_GRANT.has(st.principal?.kind));
    if (direct.length > 0) {
      s.notes.push('The resource policy names the caller itself, so identity policies, boundaries and session policies do not limit this grant.');
      return { decision: 'allowed', summary: `Allowed: ${where(direct[0])} grants ${action} to ${principalKindWords(direct[0].principal?.kind)} directly.`, decidedBy: direct };
    }
    if (s.namedRole.length > 0 && s.boundaryOk && s.sessionOk) {
      s.notes.push('The resource policy names the role: the permissions boundary and session policy still limit it.');
      return { decision: 'allowed', summary: `Allowed: ${where(s.namedRole[0])} grants ${action} to the role.`, decidedBy: [...s.namedRole, ...s.limits] };
    }
    return undefined;
  },
};

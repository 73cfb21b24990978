// Cross-account: the resource's account (its resource policy) and the caller's account (its
// identity policies, boundary and session policy) must both allow the request.
import type { Gate } from '../gate';
import { policyName } from '../summary';

export const crossAccountGate: Gate = {
  name: 'cross-account',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
  decide(s) {
    if (!s.iam || !s.crossAccount) return undefined;
    s.notes.push(`Cross-account request: account ${s.caller.account} (caller) and account ${s.resourceAccount} (resource) must both allow it.`);
    if (s.resourceAllows.length > 0) return undefined;
    const why = s.policies.resource ? `${policyName(s.resourceRef)} does not allow this caller` : `no ${s.resourceWord} was given`;
    return {
      decision: 'implicitDeny',
      summary: `Implicit deny: cross-account access needs the ${s.resourceWord} of account ${s.resourceAccount} to allow it, and ${why}.`,
      decidedBy: [],
      missingAllow: s.resourceRef,
    };
  },
};

// An applicable explicit Deny in any policy (SCP, RCP, resource, identity, boundary, session)
// is final.
import type { Gate } from '../gate';
import { applyingStatements } from '../evaluate-policy';
import { explicitDenySummary } from '../summary';

export const explicitDenyGate: Gate = {
  name: 'explicit deny',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html',
  decide(s) {
    const denies = applyingStatements(s.all, 'Deny');
    return denies.length > 0 ? { decision: 'explicitDeny', summary: explicitDenySummary(denies[0], s.request.action), decidedBy: denies } : undefined;
  },
};

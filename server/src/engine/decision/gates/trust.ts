// Policies that must allow on their own terms: a role's trust policy (for sts:AssumeRole*,
// sts:TagSession, sts:SetSourceIdentity) and a KMS key's key policy. An identity policy alone
// never suffices; a missing one denies.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
// https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html
import type { Gate } from '../gate';
import { policyName } from '../summary';
import { isAssumeRoleAction } from '../temporary-credentials';

export const trustGate: Gate = {
  name: 'trust',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
  decide(s) {
    if (!s.iam || !s.mustResourceAllow) return undefined;
    const trust = s.options.trustGoverned;
    const action = s.request.action;
    const trustRule = isAssumeRoleAction(action) ? 'a role can be assumed only when its trust policy allows it' : `${action} needs the role's trust policy to allow it`;
    if (!s.policies.resource) {
      const summary = trust
        ? `Implicit deny: ${trustRule}, and none was given.`
        : 'Implicit deny: access to a KMS key needs its key policy to allow it, and none was given (add the key policy as the resource policy).';
      return { decision: 'implicitDeny', summary, decidedBy: [], missingAllow: s.resourceRef };
    }
    // Cross-account, the cross-account gate says that the resource side must allow.
    if (s.crossAccount || s.resourceAllows.length > 0) return undefined;
    const why = trust ? trustRule : 'a KMS key policy must allow access itself';
    return { decision: 'implicitDeny', summary: `Implicit deny: ${why}, and ${policyName(s.resourceRef)} does not allow this caller.`, decidedBy: [], missingAllow: s.resourceRef };
  },
};

// Resources AWS protects (AWS managed policies, service-linked roles, reserved KMS aliases):
// refused whatever the policies say, in every account. Decided before any policy, with its own
// explanation ("AWS managed: …"). The decision is an explicit deny because, as with a Deny
// statement, no Allow anywhere can change it.
import { awsProtection } from '../../protected/aws-protected-resources';
import type { Gate } from '../gate';

export const awsProtectedGate: Gate = {
  name: 'AWS-protected resources',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies',
  decide(s) {
    const { action, resource } = s.request;
    const hit = awsProtection(action, resource);
    if (!hit) return undefined;
    s.notes.push(`AWS refuses ${action} on ${hit.what} whatever the policies say: ${hit.doc}`);
    return { decision: 'explicitDeny', summary: `AWS managed: ${resource} is ${hit.what}; ${hit.why}, so ${action} is refused whatever the policies allow.`, decidedBy: [] };
  },
};

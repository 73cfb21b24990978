// A permissions boundary sets the most an identity can do: without an Allow in it, the
// request is denied whatever the identity policies grant.
import type { Gate } from '../gate';

export const boundaryGate: Gate = {
  name: 'boundary',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  decide: (s) =>
    s.boundaryOk
      ? undefined
      : { decision: 'implicitDeny', summary: `Implicit deny: the permissions boundary does not allow ${s.request.action}.`, decidedBy: [], missingAllow: s.policies.boundary!.ref },
};

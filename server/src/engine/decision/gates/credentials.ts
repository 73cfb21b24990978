// What the caller's credentials can never do, whatever the policies say: the root user cannot
// assume a role, and GetSessionToken / GetFederationToken credentials cannot call most of IAM
// and STS.
import type { Gate } from '../gate';
import { isAssumeRoleAction, temporaryCredentialLimit } from '../temporary-credentials';

export const credentialsGate: Gate = {
  name: 'credentials',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#stsapi_comparison',
  decide(s) {
    const { action, credentials } = s.request;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html
    if (s.isRoot && isAssumeRoleAction(action)) return { decision: 'implicitDeny', summary: 'Implicit deny: the root user cannot assume a role.', decidedBy: [] };
    const limit = s.options.implied ? undefined : temporaryCredentialLimit(s.issuer, credentials?.mfa === true, action);
    return limit ? { decision: 'implicitDeny', summary: `Implicit deny: ${limit}.`, decidedBy: [] } : undefined;
  },
};

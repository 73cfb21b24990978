// sts:GetCallerIdentity needs no permission and cannot be denied.
import type { Gate } from '../gate';
import { isGetCallerIdentity } from '../temporary-credentials';

export const getCallerIdentityGate: Gate = {
  name: 'GetCallerIdentity',
  doc: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
  decide: (s) =>
    isGetCallerIdentity(s.request.action) && !s.options.implied
      ? { decision: 'allowed', summary: 'Allowed: sts:GetCallerIdentity needs no permission, and no policy can deny it.', decidedBy: [] }
      : undefined,
};

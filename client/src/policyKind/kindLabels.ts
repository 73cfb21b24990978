// How document kinds read in the status bar and the kind picker.
import type { DocumentKind } from '../../../server/src/policy/model';

export const KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  identity: 'identity policy',
  resource: 'resource policy',
  trust: 'trust policy',
  session: 'session policy',
  boundary: 'permissions boundary',
  scp: 'service control policy (SCP)',
  rcp: 'resource control policy (RCP)',
};

export const KIND_DESCRIPTIONS: Readonly<Record<DocumentKind, string>> = {
  identity: 'Attached to a user, group or role; no Principal',
  resource: 'On a resource (S3 bucket, KMS key, SQS queue…); names a Principal',
  trust: 'A role\'s trust policy: who may assume the role',
  session: 'Passed to AssumeRole to narrow one session',
  boundary: 'The most an identity policy may grant',
  scp: 'AWS Organizations: the most accounts may do',
  rcp: 'AWS Organizations: the most resources may allow',
};

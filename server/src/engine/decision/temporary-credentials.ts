// What temporary credentials cannot do, whatever the policies say.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#stsapi_comparison
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
import type { CallerIdentity } from '../principal/request-principal';
import type { CredentialFacts, CredentialIssuer } from '../types';

export function credentialIssuer(caller: CallerIdentity, credentials: CredentialFacts | undefined): CredentialIssuer | undefined {
  if (credentials?.issuedBy) return credentials.issuedBy;
  return caller.kind === 'federatedUser' ? 'GetFederationToken' : undefined;
}

/** Why the credentials cannot call this action at all, or undefined when they can. */
export function temporaryCredentialLimit(issuer: CredentialIssuer | undefined, mfa: boolean, action: string): string | undefined {
  if (issuer !== 'GetSessionToken' && issuer !== 'GetFederationToken') return undefined;
  const [service = '', name = ''] = action.toLowerCase().split(':');
  if (issuer === 'GetSessionToken') {
    if (service === 'iam' && !mfa) return 'credentials from GetSessionToken without MFA cannot call IAM';
    if (service === 'sts' && name !== 'assumerole' && name !== 'getcalleridentity') {
      return 'credentials from GetSessionToken can call only AssumeRole and GetCallerIdentity of STS';
    }
  }
  if (issuer === 'GetFederationToken') {
    if (service === 'iam') return 'credentials from GetFederationToken cannot call IAM';
    if (service === 'sts' && name !== 'getcalleridentity') return 'credentials from GetFederationToken can call only GetCallerIdentity of STS';
  }
  return undefined;
}

/**
 * Whether the action's service is `sts` (any case): the questions below are asked of every
 * request, and most name another service, so they are answered without lower-casing a copy.
 */
function isStsAction(action: string): boolean {
  return (
    action.length > 4 &&
    (action.charCodeAt(0) | 0x20) === 0x73 /* s */ &&
    (action.charCodeAt(1) | 0x20) === 0x74 /* t */ &&
    (action.charCodeAt(2) | 0x20) === 0x73 &&
    action.charCodeAt(3) === 0x3a /* : */
  );
}

export function isAssumeRoleAction(action: string): boolean {
  if (!isStsAction(action)) return false;
  const a = action.toLowerCase();
  return a === 'sts:assumerole' || a === 'sts:assumerolewithwebidentity' || a === 'sts:assumerolewithsaml';
}

/**
 * Actions on a role that its trust policy must allow, as for sts:AssumeRole: passing session
 * tags and setting a source identity, whether asked directly or implied by an AssumeRole call.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html#id_credentials_temp_control-access_monitor-perms
 */
export function isTrustGovernedAction(action: string): boolean {
  if (!isStsAction(action)) return false;
  const a = action.toLowerCase();
  return isAssumeRoleAction(a) || a === 'sts:tagsession' || a === 'sts:setsourceidentity';
}

export function isGetCallerIdentity(action: string): boolean {
  return isStsAction(action) && action.toLowerCase() === 'sts:getcalleridentity';
}

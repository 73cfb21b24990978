import { randomUUID } from 'node:crypto';
import type { IssuedSession, IssuingApi, SessionRequest, TemporaryCredentials } from './stsTypes';

/**
 * One STS session as the extension keeps it: the credentials, who they stand for, and the
 * request that created them so a refresh can issue it again.
 */
export interface StsSession {
  id: string;
  label: string;
  api: IssuingApi;
  roleArn?: string;
  sessionName?: string;
  account?: string;
  /** Role profile the session was assumed from, if any. */
  profile?: string;
  /** Profile whose credentials signed the request. */
  sourceProfile?: string;
  region: string;
  endpoint?: string;
  credentials: TemporaryCredentials;
  issuedAt: Date;
  /** `ROLEID:SESSIONNAME` for role sessions, `ACCOUNT:NAME` for federated users. */
  assumedRoleId?: string;
  /** `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` or `…:federated-user/NAME`. */
  principalArn?: string;
  sessionPolicySummary?: string;
  packedPolicySize?: number;
  /** The request that issued the session, without the one-time MFA code. */
  request: SessionRequest;
  usedMfa: boolean;
  /** When MFA was last used (ISO time: the first issue, or a refresh with a new code). */
  mfaAt?: string;
  /** A role chain: the session whose credentials signed this AssumeRole, outermost first. */
  chainedFrom?: { sessionId: string; title: string; chain: string[] };
  /** IAM Identity Center: the account and permission set the credentials are for. */
  identityCenter?: { accountId: string; roleName: string; startUrl: string };
  refreshCount: number;
  /** Why the last automatic or manual refresh failed; cleared by a successful one. */
  lastRefreshError?: string;
  /**
   * Tells apart sessions that would otherwise have the same title (the same role and session
   * name, twice): the second is "#2" everywhere it is shown or picked. Set by the store.
   */
  ordinal?: number;
}

/** "Dev (alice-cli)", "federated user ci-bot", "session token (alice)": without the ordinal. */
export function sessionBaseTitle(session: Pick<StsSession, 'roleArn' | 'sessionName' | 'api' | 'label'>): string {
  if (session.roleArn && session.sessionName && session.api !== 'GetFederationToken') {
    return `${roleNameFromArn(session.roleArn)} (${session.sessionName})`;
  }
  return session.label;
}

export interface NewSessionInput {
  request: SessionRequest;
  issued: IssuedSession;
  region: string;
  endpoint?: string;
  profile?: string;
  sourceProfile?: string;
  usedMfa: boolean;
  chainedFrom?: StsSession['chainedFrom'];
  /**
   * When MFA was used for the credentials that signed the request, if no code was entered for
   * this one: a role assumed with a session from GetSessionToken with MFA carries that MFA context.
   */
  inheritedMfaAt?: string;
  label?: string;
  id?: string;
  now: Date;
}

function accountFromArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function roleNameFromArn(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}

/** "inline policy (312 chars) + 2 managed policies, 5 tags" — what limits the session beyond the role. */
export function summariseSessionPolicy(request: SessionRequest): string | undefined {
  const parts: string[] = [];
  if ('policy' in request && request.policy !== undefined) {
    parts.push(`inline policy (${request.policy.length} chars)`);
  }
  if ('policyArns' in request && request.policyArns?.length) {
    parts.push(`${request.policyArns.length} managed ${request.policyArns.length === 1 ? 'policy' : 'policies'}`);
  }
  const tags = 'tags' in request ? request.tags : undefined;
  const summary = parts.join(' + ');
  if (tags?.length) {
    return `${summary ? `${summary}, ` : ''}${tags.length} session ${tags.length === 1 ? 'tag' : 'tags'}`;
  }
  return summary || undefined;
}

function defaultLabel(request: SessionRequest, sourceProfile: string | undefined): string {
  switch (request.api) {
    case 'AssumeRole':
      return `${roleNameFromArn(request.roleArn)} (${request.roleSessionName})`;
    case 'AssumeRoleWithWebIdentity':
      return `${roleNameFromArn(request.roleArn)} (web identity)`;
    case 'AssumeRoleWithSAML':
      return `${roleNameFromArn(request.roleArn)} (SAML)`;
    case 'GetFederationToken':
      return `federated user ${request.name}`;
    case 'GetSessionToken':
      return `session token${sourceProfile ? ` (${sourceProfile})` : ''}${request.mfaSerial ? ' with MFA' : ''}`;
    case 'GetRoleCredentials':
      return `${request.roleName} (${request.accountId})`;
  }
}

export function sessionFromIssued(input: NewSessionInput): StsSession {
  const { request, issued } = input;
  const roleArn = 'roleArn' in request ? request.roleArn : undefined;
  const sso = request.api === 'GetRoleCredentials' ? request : undefined;
  const principalArn = issued.assumedRoleUser?.arn ?? issued.federatedUser?.arn;
  return {
    id: input.id ?? randomUUID(),
    label: input.label ?? defaultLabel(request, input.sourceProfile),
    api: request.api,
    roleArn,
    sessionName: principalArn?.split('/').pop(),
    account: accountFromArn(principalArn) ?? accountFromArn(roleArn) ?? sso?.accountId,
    profile: input.profile,
    sourceProfile: input.sourceProfile,
    region: input.region,
    endpoint: input.endpoint,
    credentials: issued.credentials,
    issuedAt: input.now,
    assumedRoleId: issued.assumedRoleUser?.assumedRoleId ?? issued.federatedUser?.federatedUserId,
    principalArn,
    sessionPolicySummary: summariseSessionPolicy(request),
    packedPolicySize: issued.packedPolicySize,
    request: stripOneTimeSecrets(request),
    usedMfa: input.usedMfa,
    mfaAt: input.usedMfa ? input.now.toISOString() : input.inheritedMfaAt,
    chainedFrom: input.chainedFrom,
    identityCenter: sso ? { accountId: sso.accountId, roleName: sso.roleName, startUrl: sso.startUrl } : undefined,
    refreshCount: 0,
  };
}

/**
 * A web identity token read from a file is re-read on refresh, so the token itself is not
 * kept; a token typed in is kept because nothing else could re-issue the session.
 */
function stripOneTimeSecrets(request: SessionRequest): SessionRequest {
  if (request.api === 'AssumeRoleWithWebIdentity' && request.webIdentityTokenFile !== undefined) {
    const { webIdentityToken: _dropped, ...rest } = request;
    return rest;
  }
  return { ...request };
}

/**
 * When MFA was used for a refreshed session: now if a new code was entered; for a role chain, when
 * its source (whose current credentials signed the refresh) used MFA; else unchanged, since the
 * credentials that signed the refresh carry the MFA context of the first sign-in.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthage
 */
export function mfaTimeAfterRefresh(session: StsSession, refresh: { mfaCodeEntered: boolean; now: Date; source?: StsSession }): string | undefined {
  if (refresh.mfaCodeEntered) return refresh.now.toISOString();
  if (session.chainedFrom && refresh.source) return refresh.source.mfaAt;
  return session.mfaAt;
}

export function withRefreshedCredentials(session: StsSession, issued: IssuedSession, now: Date, mfaAt: string | undefined = session.mfaAt): StsSession {
  return {
    ...session,
    mfaAt,
    credentials: issued.credentials,
    issuedAt: now,
    // IAM Identity Center credentials come from the portal: no STS endpoint to record.
    endpoint: issued.api === 'GetRoleCredentials' ? session.endpoint : issued.endpoint,
    assumedRoleId: issued.assumedRoleUser?.assumedRoleId ?? issued.federatedUser?.federatedUserId ?? session.assumedRoleId,
    principalArn: issued.assumedRoleUser?.arn ?? issued.federatedUser?.arn ?? session.principalArn,
    packedPolicySize: issued.packedPolicySize ?? session.packedPolicySize,
    refreshCount: session.refreshCount + 1,
    lastRefreshError: undefined,
  };
}

/**
 * Requests and results of the STS operations the extension issues. Requests are plain data so
 * a session can keep the one that created it and re-issue it on refresh; the one-time MFA code
 * is never part of a request (it is passed per call).
 */

export type IssuingApi =
  | 'AssumeRole'
  | 'GetSessionToken'
  | 'AssumeRoleWithWebIdentity'
  | 'AssumeRoleWithSAML'
  | 'GetFederationToken'
  /** IAM Identity Center's portal API (sso:GetRoleCredentials), not STS, but a session like the others. */
  | 'GetRoleCredentials';

export type StsOperation =
  | IssuingApi
  | 'GetCallerIdentity'
  | 'DecodeAuthorizationMessage'
  // IAM Identity Center (SSO OIDC and the SSO portal) and the federation endpoint.
  | 'RegisterClient'
  | 'StartDeviceAuthorization'
  | 'CreateToken'
  | 'ListAccounts'
  | 'ListAccountRoles'
  | 'getSigninToken';

export interface SessionTag {
  key: string;
  value: string;
}

export interface AssumeRoleRequest {
  api: 'AssumeRole';
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number;
  externalId?: string;
  /** SerialNumber: ARN of the virtual MFA device or serial of a hardware token. */
  mfaSerial?: string;
  policy?: string;
  policyArns?: string[];
  tags?: SessionTag[];
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  /** True when the caller's credentials are themselves a role session (role chaining: 1 hour max). */
  roleChaining?: boolean;
}

export interface GetSessionTokenRequest {
  api: 'GetSessionToken';
  durationSeconds?: number;
  mfaSerial?: string;
  /** The root user may ask for at most one hour. */
  callerIsRoot?: boolean;
}

export interface AssumeRoleWithWebIdentityRequest {
  api: 'AssumeRoleWithWebIdentity';
  roleArn: string;
  roleSessionName: string;
  /** The token itself, or (preferred, so a refresh reads a fresh token) the file that holds it. */
  webIdentityToken?: string;
  webIdentityTokenFile?: string;
  providerId?: string;
  durationSeconds?: number;
  policy?: string;
  policyArns?: string[];
}

export interface AssumeRoleWithSamlRequest {
  api: 'AssumeRoleWithSAML';
  roleArn: string;
  /** ARN of the IAM SAML provider. */
  principalArn: string;
  /** Base64-encoded SAML response. */
  samlAssertion: string;
  durationSeconds?: number;
  policy?: string;
  policyArns?: string[];
}

export interface GetFederationTokenRequest {
  api: 'GetFederationToken';
  name: string;
  durationSeconds?: number;
  policy?: string;
  policyArns?: string[];
  tags?: SessionTag[];
  callerIsRoot?: boolean;
}

/** Role credentials of an IAM Identity Center permission set, got with the cached SSO token. */
export interface GetRoleCredentialsRequest {
  api: 'GetRoleCredentials';
  accountId: string;
  roleName: string;
  startUrl: string;
  /** Region of the Identity Center instance (the OIDC and portal endpoints). */
  ssoRegion: string;
  /** The `[sso-session NAME]` the token cache file is named after; absent for legacy profiles. */
  ssoSession?: string;
}

export type SessionRequest =
  | GetRoleCredentialsRequest
  | AssumeRoleRequest
  | GetSessionTokenRequest
  | AssumeRoleWithWebIdentityRequest
  | AssumeRoleWithSamlRequest
  | GetFederationTokenRequest;

/** The requests STS itself answers. */
export type StsSessionRequest = Exclude<SessionRequest, GetRoleCredentialsRequest>;

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface IssuedSession {
  api: IssuingApi;
  /**
   * A refresh: the custom STS endpoint of the settings it went to (absent: the SDK's regional
   * endpoint), which may differ from the one that issued the session first.
   */
  endpoint?: string;
  credentials: TemporaryCredentials;
  /** AssumeRole*: `ROLEID:SESSIONNAME` and `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSIONNAME`. */
  assumedRoleUser?: { assumedRoleId: string; arn: string };
  /** GetFederationToken: `ACCOUNT:NAME` and `arn:aws:sts::ACCOUNT:federated-user/NAME`. */
  federatedUser?: { federatedUserId: string; arn: string };
  /** Percentage of the packed size limit used by session policies and tags. */
  packedPolicySize?: number;
  sourceIdentity?: string;
  /** Web identity and SAML details echoed by STS. */
  subject?: string;
  provider?: string;
  audience?: string;
  issuer?: string;
  requestId?: string;
}

export interface CallerIdentity {
  userId: string;
  account: string;
  arn: string;
  requestId?: string;
}

export interface DecodedAuthorizationMessage {
  decodedMessage: string;
  requestId?: string;
}

/** Why a call failed: AWS answered with an error, or the answer never (properly) came. */
export type StsErrorCause =
  | 'aws'
  | 'network'
  | 'timeout'
  | 'malformed-response'
  /** Refused before any call: an input is outside the API limits. */
  | 'invalid-input'
  /** Refused before any call: the source credentials could not be resolved. */
  | 'credentials';

export interface StsCallError {
  /** AWS error code (`AccessDenied`, …) or a local code (`ConnectionRefused`, `Timeout`, …). */
  code: string;
  /** Human message naming the likely cause and the fix. */
  message: string;
  requestId?: string;
  cause: StsErrorCause;
  operation: StsOperation;
  /** The message AWS sent, if any (kept separate so the UI can show both). */
  awsMessage?: string;
  httpStatus?: number;
}

export type StsResult<T> = { ok: true; value: T } | { ok: false; error: StsCallError };

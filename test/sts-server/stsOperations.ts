import {
  accountOf,
  newTemporaryKeys,
  roleIdOf,
  roleNameOf,
  trusts,
  type Caller,
  type IssuedCredentials,
} from './stsIdentities';
import {
  patterns,
  readInteger,
  readPolicyArns,
  readRequiredString,
  readSessionPolicy,
  readString,
  readTags,
  readList,
  StsOperationError,
  type ParsedTag,
} from './stsInputs';
import type { StsRoleConfig, StsServerConfig } from './stsServerConfig';
import type { XmlFields } from './stsXml';

/**
 * What each STS operation does on the loopback server: trust and MFA checks, duration limits
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html#id_roles_use_view-role-max-session),
 * packed policy size, and the Result elements of each API reference page.
 */

export interface OperationContext {
  config: StsServerConfig;
  /** The signer, for signed operations. */
  caller?: Caller;
  now: Date;
  /** Remembers credentials the server hands out so they can sign later calls. */
  remember(issued: IssuedCredentials): void;
}

export type OperationHandler = (params: URLSearchParams, context: OperationContext) => XmlFields;

const roleArnRule = { min: 20, max: 2048, required: true };
const sessionNameRule = { min: 2, max: 64, pattern: patterns.name, required: true };
const chainingLimitSeconds = 3600;

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function findRole(config: StsServerConfig, roleArn: string, caller: string): StsRoleConfig {
  const role = config.roles?.find((candidate) => candidate.arn === roleArn);
  if (!role) {
    throw new StsOperationError('AccessDenied', `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  return role;
}

function packedPolicySize(config: StsServerConfig, policy: string | undefined, policyArns: string[], tags: ParsedTag[]): number | undefined {
  if (policy === undefined && policyArns.length === 0 && tags.length === 0) {
    return undefined;
  }
  const compactPolicy = policy === undefined ? 0 : JSON.stringify(JSON.parse(policy)).length;
  const used =
    compactPolicy + policyArns.reduce((sum, arn) => sum + arn.length, 0) + tags.reduce((sum, tag) => sum + tag.key.length + tag.value.length + 4, 0);
  const percent = Math.max(1, Math.ceil((used * 100) / (config.packedPolicyBudgetBytes ?? 4096)));
  if (percent > 100) {
    throw new StsOperationError(
      'PackedPolicyTooLarge',
      `Packed size of session policies and session tags is ${percent}% of the allowed space.`,
    );
  }
  return percent;
}

function sessionDuration(params: URLSearchParams, role: StsRoleConfig, chaining: boolean, latestEnd?: Date, now?: Date): number {
  const requested = readInteger(params, 'DurationSeconds', 900, 43_200);
  const roleMax = role.maxSessionDurationSeconds ?? 3600;
  if (chaining && requested !== undefined && requested > chainingLimitSeconds) {
    throw new StsOperationError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (requested !== undefined && requested > roleMax) {
    throw new StsOperationError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  let seconds = requested ?? Math.min(3600, roleMax);
  if (latestEnd && now) {
    // A SAML session never outlives the assertion's SessionNotOnOrAfter.
    seconds = Math.min(seconds, Math.floor((latestEnd.getTime() - now.getTime()) / 1000));
  }
  return seconds;
}

function issueRoleSession(
  context: OperationContext,
  role: StsRoleConfig,
  sessionName: string,
  seconds: number,
  mfaAuthenticated: boolean,
): { credentials: XmlFields; assumedRoleUser: XmlFields } {
  const keys = newTemporaryKeys();
  const expiration = new Date(context.now.getTime() + seconds * 1000);
  const account = accountOf(role.arn);
  const assumedRoleArn = `arn:aws:sts::${account}:assumed-role/${roleNameOf(role.arn)}/${sessionName}`;
  const assumedRoleId = `${roleIdOf(role)}:${sessionName}`;
  context.remember({
    caller: {
      kind: 'assumed-role',
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      arn: assumedRoleArn,
      userId: assumedRoleId,
      account,
      roleArn: role.arn,
      mfaAuthenticated,
    },
    sessionToken: keys.sessionToken,
    expiration,
  });
  return {
    credentials: {
      AccessKeyId: keys.accessKeyId,
      SecretAccessKey: keys.secretAccessKey,
      SessionToken: keys.sessionToken,
      Expiration: iso(expiration),
    },
    assumedRoleUser: { Arn: assumedRoleArn, AssumedRoleId: assumedRoleId },
  };
}

function requireCaller(context: OperationContext): Caller {
  if (!context.caller) {
    throw new StsOperationError('MissingAuthenticationToken');
  }
  return context.caller;
}

/** Checks SerialNumber + TokenCode against the caller's device; true when MFA was used. */
function checkMfa(params: URLSearchParams, caller: Caller): boolean {
  const serial = readString(params, 'SerialNumber', { min: 9, max: 256, pattern: patterns.serial });
  const code = readString(params, 'TokenCode', { min: 6, max: 6, pattern: patterns.tokenCode });
  if (serial === undefined && code === undefined) {
    return caller.mfaAuthenticated;
  }
  const device = caller.identity?.mfa;
  if (serial === undefined || code === undefined || !device || device.serialNumber !== serial || device.tokenCode !== code) {
    throw new StsOperationError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.');
  }
  return true;
}

const assumeRole: OperationHandler = (params, context) => {
  const caller = requireCaller(context);
  const roleArn = readRequiredString(params, 'RoleArn', roleArnRule);
  const sessionName = readRequiredString(params, 'RoleSessionName', sessionNameRule);
  const externalId = readString(params, 'ExternalId', { min: 2, max: 1224, pattern: patterns.externalId });
  const sourceIdentity = readString(params, 'SourceIdentity', { min: 2, max: 64, pattern: patterns.name });
  if (sourceIdentity?.toLowerCase().startsWith('aws:')) {
    throw new StsOperationError('ValidationError', "SourceIdentity cannot start with 'aws:'.");
  }
  const policy = readSessionPolicy(params);
  const policyArns = readPolicyArns(params);
  const tags = readTags(params);
  const transitive = readList(params, 'TransitiveTagKeys');
  if (transitive.length > 50) {
    throw new StsOperationError('ValidationError', 'TransitiveTagKeys must have length less than or equal to 50');
  }
  if (caller.kind === 'root') {
    throw new StsOperationError('AccessDenied', 'Roles may not be assumed by root accounts.');
  }
  const mfaUsed = checkMfa(params, caller);
  const role = findRole(context.config, roleArn, caller.arn);
  const denied = `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;
  if (!trusts(role.trustedPrincipals ?? [], caller)) {
    throw new StsOperationError('AccessDenied', denied);
  }
  if (role.requireExternalId !== undefined && role.requireExternalId !== externalId) {
    throw new StsOperationError('AccessDenied', denied);
  }
  if (role.requireMfa && !mfaUsed) {
    throw new StsOperationError('AccessDenied', denied);
  }
  const seconds = sessionDuration(params, role, caller.kind === 'assumed-role');
  const packed = packedPolicySize(context.config, policy, policyArns, tags);
  const issued = issueRoleSession(context, role, sessionName, seconds, mfaUsed);
  return {
    Credentials: issued.credentials,
    AssumedRoleUser: issued.assumedRoleUser,
    PackedPolicySize: packed,
    SourceIdentity: sourceIdentity,
  };
};

function decodeJwtPayload(token: string): { iss?: string; sub?: string; aud?: string | string[]; exp?: number } {
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new StsOperationError('InvalidIdentityToken', "Couldn't parse the token.");
  }
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new StsOperationError('InvalidIdentityToken', "Couldn't parse the token.");
  }
}

const assumeRoleWithWebIdentity: OperationHandler = (params, context) => {
  const roleArn = readRequiredString(params, 'RoleArn', roleArnRule);
  const sessionName = readRequiredString(params, 'RoleSessionName', sessionNameRule);
  const token = readRequiredString(params, 'WebIdentityToken', { min: 4, max: 20_000 });
  readString(params, 'ProviderId', { min: 4, max: 2048 });
  const policy = readSessionPolicy(params);
  const policyArns = readPolicyArns(params);
  const claims = decodeJwtPayload(token);
  if (!claims.iss || !claims.sub) {
    throw new StsOperationError('InvalidIdentityToken', 'The token is missing the iss or sub claim.');
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= context.now.getTime()) {
    throw new StsOperationError('ExpiredTokenException', 'Token is expired.');
  }
  const issuer = claims.iss.replace(/^https:\/\//, '');
  const role = context.config.roles?.find((candidate) => candidate.arn === roleArn);
  if (!role || !(role.webIdentityProviders ?? []).includes(issuer)) {
    throw new StsOperationError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
  }
  const seconds = sessionDuration(params, role, false);
  const packed = packedPolicySize(context.config, policy, policyArns, []);
  const issued = issueRoleSession(context, role, sessionName, seconds, false);
  return {
    Credentials: issued.credentials,
    SubjectFromWebIdentityToken: claims.sub,
    AssumedRoleUser: issued.assumedRoleUser,
    PackedPolicySize: packed,
    Provider: issuer,
    Audience: Array.isArray(claims.aud) ? claims.aud[0] : claims.aud,
  };
};

function samlElement(xml: string, element: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${element}\\b[^>]*>([^<]*)</(?:\\w+:)?${element}>`).exec(xml)?.[1]?.trim();
}

const assumeRoleWithSaml: OperationHandler = (params, context) => {
  const roleArn = readRequiredString(params, 'RoleArn', roleArnRule);
  const principalArn = readRequiredString(params, 'PrincipalArn', { min: 20, max: 2048, required: true });
  const assertion = readRequiredString(params, 'SAMLAssertion', { min: 4, max: 100_000 });
  const policy = readSessionPolicy(params);
  const policyArns = readPolicyArns(params);
  const xml = Buffer.from(assertion, 'base64').toString('utf8');
  const issuer = samlElement(xml, 'Issuer');
  const subject = samlElement(xml, 'NameID');
  if (!xml.includes('Assertion') || !issuer || !subject) {
    throw new StsOperationError('InvalidIdentityToken', 'Invalid SAML assertion: Issuer and NameID are required.');
  }
  const notOnOrAfterText = /NotOnOrAfter="([^"]+)"/.exec(xml)?.[1];
  const notOnOrAfter = notOnOrAfterText ? new Date(notOnOrAfterText) : undefined;
  if (notOnOrAfter && notOnOrAfter.getTime() <= context.now.getTime()) {
    throw new StsOperationError('ExpiredTokenException', 'The SAML assertion has expired.');
  }
  const role = context.config.roles?.find((candidate) => candidate.arn === roleArn);
  if (!role || !(role.samlProviders ?? []).includes(principalArn)) {
    throw new StsOperationError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
  }
  const seconds = sessionDuration(params, role, false, notOnOrAfter, context.now);
  const packed = packedPolicySize(context.config, policy, policyArns, []);
  const issued = issueRoleSession(context, role, subject.replace(/[^\w+=,.@-]/g, '').slice(0, 64) || 'saml-user', seconds, false);
  return {
    Credentials: issued.credentials,
    AssumedRoleUser: issued.assumedRoleUser,
    PackedPolicySize: packed,
    Subject: subject,
    SubjectType: 'persistent',
    Issuer: issuer,
    Audience: 'https://signin.aws.amazon.com/saml',
    NameQualifier: Buffer.from(`${issuer}${accountOf(roleArn)}${principalArn}`).toString('base64').slice(0, 28),
  };
};

function requireLongTermCaller(context: OperationContext, operation: string): Caller {
  const caller = requireCaller(context);
  if (caller.kind !== 'user' && caller.kind !== 'root') {
    throw new StsOperationError('AccessDenied', `Cannot call ${operation} with session credentials`);
  }
  return caller;
}

const getSessionToken: OperationHandler = (params, context) => {
  const caller = requireLongTermCaller(context, 'GetSessionToken');
  const requested = readInteger(params, 'DurationSeconds', 900, 129_600) ?? 43_200;
  const mfaUsed = checkMfa(params, caller);
  const seconds = caller.kind === 'root' ? Math.min(requested, 3600) : requested;
  const keys = newTemporaryKeys();
  const expiration = new Date(context.now.getTime() + seconds * 1000);
  context.remember({
    caller: { ...caller, kind: 'session-token', ...keys, mfaAuthenticated: mfaUsed },
    sessionToken: keys.sessionToken,
    expiration,
  });
  return {
    Credentials: { AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey, SessionToken: keys.sessionToken, Expiration: iso(expiration) },
  };
};

const getFederationToken: OperationHandler = (params, context) => {
  const caller = requireLongTermCaller(context, 'GetFederationToken');
  const name = readRequiredString(params, 'Name', { min: 2, max: 32, pattern: patterns.name });
  const requested = readInteger(params, 'DurationSeconds', 900, 129_600) ?? 43_200;
  const policy = readSessionPolicy(params);
  const policyArns = readPolicyArns(params);
  const tags = readTags(params);
  const packed = packedPolicySize(context.config, policy, policyArns, tags);
  const seconds = caller.kind === 'root' ? Math.min(requested, 3600) : requested;
  const keys = newTemporaryKeys();
  const expiration = new Date(context.now.getTime() + seconds * 1000);
  const federatedUserId = `${caller.account}:${name}`;
  const arn = `arn:aws:sts::${caller.account}:federated-user/${name}`;
  context.remember({
    caller: { kind: 'federated-user', ...keys, arn, userId: federatedUserId, account: caller.account, mfaAuthenticated: false },
    sessionToken: keys.sessionToken,
    expiration,
  });
  return {
    Credentials: { AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey, SessionToken: keys.sessionToken, Expiration: iso(expiration) },
    FederatedUser: { Arn: arn, FederatedUserId: federatedUserId },
    PackedPolicySize: packed,
  };
};

const getCallerIdentity: OperationHandler = (_params, context) => {
  const caller = requireCaller(context);
  return { Arn: caller.arn, UserId: caller.userId, Account: caller.account };
};

const decodeAuthorizationMessage: OperationHandler = (params, context) => {
  const caller = requireCaller(context);
  const encoded = readRequiredString(params, 'EncodedMessage', { min: 1, max: 10_240 });
  if (caller.kind === 'session-token' || caller.kind === 'federated-user' || caller.identity?.canDecodeAuthorizationMessages === false) {
    throw new StsOperationError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: sts:DecodeAuthorizationMessage`,
    );
  }
  const decoded = context.config.authorizationMessages?.[encoded];
  if (decoded === undefined) {
    throw new StsOperationError('InvalidAuthorizationMessageException', 'The encoded message is invalid.');
  }
  return { DecodedMessage: decoded };
};

const getAccessKeyInfo: OperationHandler = (params, context) => {
  requireCaller(context);
  const keyId = readRequiredString(params, 'AccessKeyId', { min: 16, max: 128 });
  const identity = context.config.identities?.find((candidate) => candidate.accessKeyId === keyId);
  return { Account: identity ? accountOf(identity.arn) : '000000000000' };
};

/** Operations that GetSessionToken / GetFederationToken credentials may still call. */
export const allowedWithSessionToken = new Set(['AssumeRole', 'GetCallerIdentity']);
export const allowedWithFederationToken = new Set(['GetCallerIdentity']);

export const unsignedActions = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']);

export const operationHandlers: Record<string, OperationHandler> = {
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoleWithSAML: assumeRoleWithSaml,
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken,
  GetCallerIdentity: getCallerIdentity,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
  GetAccessKeyInfo: getAccessKeyInfo,
};

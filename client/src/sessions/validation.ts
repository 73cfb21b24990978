import type { IssuingApi, SessionTag, StsSessionRequest } from './stsTypes';

/**
 * Input checks against the STS API limits, run before every call so the user sees the reason
 * in the input box instead of a round trip. Each validator returns `undefined` when the value is
 * acceptable, or the reason it is not. Limits: the Request Parameters sections of
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
 */

export type Validator<T = string> = (value: T) => string | undefined;

const namePattern = /^[\w+=,.@-]*$/;
const externalIdPattern = /^[\w+=,.@:/-]*$/;
const serialPattern = /^[\w+=/:,.@-]*$/;
const tagKeyPattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const tagValuePattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const partition = 'aws(?:-[a-z]+)*';
const roleArnPattern = new RegExp(`^arn:${partition}:iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$`);
const policyArnPattern = new RegExp(`^arn:${partition}:iam::(?:\\d{12}|aws):policy/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}$`);
const samlProviderArnPattern = new RegExp(`^arn:${partition}:iam::\\d{12}:saml-provider/[\\w.-]{1,128}$`);

export const stsLimits = {
  roleSessionName: { min: 2, max: 64 },
  sourceIdentity: { min: 2, max: 64 },
  externalId: { min: 2, max: 1224 },
  federationName: { min: 2, max: 32 },
  mfaSerial: { min: 9, max: 256 },
  roleArn: { min: 20, max: 2048 },
  policyArn: { min: 20, max: 2048 },
  policyArnCount: 10,
  sessionPolicy: { min: 1, max: 2048 },
  tagCount: 50,
  transitiveTagKeyCount: 50,
  tagKey: { min: 1, max: 128 },
  tagValue: { min: 0, max: 256 },
  webIdentityToken: { min: 4, max: 20_000 },
  providerId: { min: 4, max: 2048 },
  samlAssertion: { min: 4, max: 100_000 },
  encodedMessage: { min: 1, max: 10_240 },
  /** Role chaining caps a session at one hour whatever the role allows. */
  roleChainingMaxSeconds: 3600,
  rootMaxSeconds: 3600,
} as const;

/** Duration ranges per API: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html */
export const durationRange: Record<IssuingApi, { min: number; max: number }> = {
  AssumeRole: { min: 900, max: 43_200 },
  AssumeRoleWithWebIdentity: { min: 900, max: 43_200 },
  AssumeRoleWithSAML: { min: 900, max: 43_200 },
  GetSessionToken: { min: 900, max: 129_600 },
  GetFederationToken: { min: 900, max: 129_600 },
  GetRoleCredentials: { min: 3600, max: 43_200 },
};

function lengthProblem(label: string, value: string, min: number, max: number): string | undefined {
  if (value.length < min || value.length > max) {
    return `${label} must be ${min}–${max.toLocaleString('en-US')} characters long (it has ${value.length.toLocaleString('en-US')}).`;
  }
  return undefined;
}

export const validateRoleArn: Validator = (value) => {
  const trimmed = value.trim();
  if (trimmed.length === 0) {
    return 'Enter the ARN of the role to assume, like arn:aws:iam::123456789012:role/ReadOnly.';
  }
  return (
    lengthProblem('The role ARN', trimmed, stsLimits.roleArn.min, stsLimits.roleArn.max) ??
    (roleArnPattern.test(trimmed)
      ? undefined
      : 'That is not a role ARN: expected arn:aws:iam::ACCOUNT:role/NAME (12-digit account, optional /path/).')
  );
};

export const validateRoleSessionName: Validator = (value) =>
  lengthProblem('The session name', value, stsLimits.roleSessionName.min, stsLimits.roleSessionName.max) ??
  (namePattern.test(value)
    ? undefined
    : 'The session name may only contain letters, digits and _ + = , . @ - (no spaces).');

export const validateSourceIdentity: Validator = (value) => {
  // The pattern already excludes ":", but the reserved prefix deserves its own explanation.
  if (value.toLowerCase().startsWith('aws:')) {
    return 'The source identity cannot start with "aws:" (that prefix is reserved for AWS).';
  }
  return (
    lengthProblem('The source identity', value, stsLimits.sourceIdentity.min, stsLimits.sourceIdentity.max) ??
    (namePattern.test(value) ? undefined : 'The source identity may only contain letters, digits and _ + = , . @ - (no spaces).')
  );
};

export const validateExternalId: Validator = (value) =>
  lengthProblem('The external ID', value, stsLimits.externalId.min, stsLimits.externalId.max) ??
  (externalIdPattern.test(value)
    ? undefined
    : 'The external ID may only contain letters, digits and _ + = , . @ : / - (no spaces).');

export const validateFederationName: Validator = (value) =>
  lengthProblem('The federated user name', value, stsLimits.federationName.min, stsLimits.federationName.max) ??
  (namePattern.test(value)
    ? undefined
    : 'The federated user name may only contain letters, digits and _ + = , . @ - (no spaces).');

export const validateMfaCode: Validator = (value) =>
  /^\d{6}$/.test(value) ? undefined : 'The MFA code is the 6 digits shown by your MFA device.';

export const validateMfaSerial: Validator = (value) =>
  lengthProblem('The MFA serial number', value, stsLimits.mfaSerial.min, stsLimits.mfaSerial.max) ??
  (serialPattern.test(value)
    ? undefined
    : 'The MFA serial must be the device ARN (arn:aws:iam::ACCOUNT:mfa/NAME) or a hardware token serial.');

export interface DurationContext {
  /** Caller credentials are a role session: STS caps the new session at one hour. */
  roleChaining?: boolean;
  /** GetSessionToken / GetFederationToken called by the root user: one hour at most. */
  callerIsRoot?: boolean;
  /** AssumeRole of a role the workspace defines: its MaxSessionDuration, and where it is set. */
  roleMax?: { seconds: number; where: string };
}

export function validateDurationSeconds(
  api: IssuingApi,
  value: number,
  context: DurationContext = {},
): string | undefined {
  const range = durationRange[api];
  if (!Number.isInteger(value)) {
    return 'The duration must be a whole number of seconds.';
  }
  if (value < range.min) {
    return `The duration must be at least ${range.min} seconds (15 minutes).`;
  }
  if (api === 'AssumeRole' && context.roleChaining && value > stsLimits.roleChainingMaxSeconds) {
    return 'Role chaining (assuming a role with role credentials) limits the session to 3600 seconds (1 hour).';
  }
  // STS refuses a DurationSeconds above the role's MaxSessionDuration: say so before calling it.
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
  if (api === 'AssumeRole' && context.roleMax && value > context.roleMax.seconds) {
    return `${context.roleMax.where} lets sessions last at most ${context.roleMax.seconds} seconds (MaxSessionDuration): STS refuses a longer one.`;
  }
  if ((api === 'GetSessionToken' || api === 'GetFederationToken') && context.callerIsRoot && value > stsLimits.rootMaxSeconds) {
    return `The root user can request at most 3600 seconds (1 hour) from ${api}.`;
  }
  if (value > range.max) {
    return `${api} allows at most ${range.max.toLocaleString('en-US')} seconds (${range.max / 3600} hours).`;
  }
  return undefined;
}

export const validatePolicyArn: Validator = (value) =>
  lengthProblem('A policy ARN', value, stsLimits.policyArn.min, stsLimits.policyArn.max) ??
  (policyArnPattern.test(value)
    ? undefined
    : `"${value}" is not a managed policy ARN: expected arn:aws:iam::ACCOUNT:policy/NAME or arn:aws:iam::aws:policy/NAME.`);

export const validatePolicyArns: Validator<readonly string[]> = (values) => {
  if (values.length > stsLimits.policyArnCount) {
    return `At most ${stsLimits.policyArnCount} managed session policy ARNs can be passed (there are ${values.length}).`;
  }
  for (const arn of values) {
    const problem = validatePolicyArn(arn);
    if (problem) {
      return problem;
    }
  }
  return undefined;
};

/** Length per the API, plus a JSON check: a typo would otherwise cost a MalformedPolicyDocument round trip. */
export const validateSessionPolicy: Validator = (value) => {
  const problem = lengthProblem('The inline session policy', value, stsLimits.sessionPolicy.min, stsLimits.sessionPolicy.max);
  if (problem) {
    return problem;
  }
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return 'The inline session policy must be a JSON object with a Statement.';
    }
  } catch (error) {
    return `The inline session policy is not valid JSON: ${(error as Error).message}`;
  }
  return undefined;
};

export const validateTagKey: Validator = (value) =>
  lengthProblem('A session tag key', value, stsLimits.tagKey.min, stsLimits.tagKey.max) ??
  (tagKeyPattern.test(value)
    ? undefined
    : `Session tag key "${value}" may only contain letters, digits, spaces and _ . : / = + - @.`);

export const validateTagValue: Validator = (value) =>
  lengthProblem('A session tag value', value, stsLimits.tagValue.min, stsLimits.tagValue.max) ??
  (tagValuePattern.test(value)
    ? undefined
    : `Session tag value "${value}" may only contain letters, digits, spaces and _ . : / = + - @.`);

export const validateTags: Validator<readonly SessionTag[]> = (tags) => {
  if (tags.length > stsLimits.tagCount) {
    return `At most ${stsLimits.tagCount} session tags can be passed (there are ${tags.length}).`;
  }
  // Tag keys are case-insensitive: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
  const seen = new Set<string>();
  for (const tag of tags) {
    const problem = validateTagKey(tag.key) ?? validateTagValue(tag.value);
    if (problem) {
      return problem;
    }
    const folded = tag.key.toLowerCase();
    if (seen.has(folded)) {
      return `Session tag key "${tag.key}" appears twice (keys are case-insensitive).`;
    }
    seen.add(folded);
  }
  return undefined;
};

export function validateTransitiveTagKeys(keys: readonly string[], tags: readonly SessionTag[] = []): string | undefined {
  if (keys.length > stsLimits.transitiveTagKeyCount) {
    return `At most ${stsLimits.transitiveTagKeyCount} transitive tag keys can be passed (there are ${keys.length}).`;
  }
  const tagKeys = new Set(tags.map((tag) => tag.key.toLowerCase()));
  for (const key of keys) {
    const problem = validateTagKey(key);
    if (problem) {
      return problem;
    }
    if (!tagKeys.has(key.toLowerCase())) {
      return `Transitive tag key "${key}" is not one of the session tags being passed.`;
    }
  }
  return undefined;
}

export const validateWebIdentityToken: Validator = (value) =>
  lengthProblem('The web identity token', value, stsLimits.webIdentityToken.min, stsLimits.webIdentityToken.max);

export const validateProviderId: Validator = (value) =>
  lengthProblem('The provider ID', value, stsLimits.providerId.min, stsLimits.providerId.max);

export const validateSamlAssertion: Validator = (value) =>
  lengthProblem('The SAML assertion', value, stsLimits.samlAssertion.min, stsLimits.samlAssertion.max) ??
  (/^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(value) ? undefined : 'The SAML assertion must be the base64-encoded SAML response.');

export const validateSamlProviderArn: Validator = (value) =>
  lengthProblem('The SAML provider ARN', value, stsLimits.roleArn.min, stsLimits.roleArn.max) ??
  (samlProviderArnPattern.test(value)
    ? undefined
    : 'That is not a SAML provider ARN: expected arn:aws:iam::ACCOUNT:saml-provider/NAME.');

export const validateEncodedAuthorizationMessage: Validator = (value) =>
  lengthProblem('The encoded message', value.trim(), stsLimits.encodedMessage.min, stsLimits.encodedMessage.max);

function firstProblem(...checks: Array<() => string | undefined>): string | undefined {
  for (const check of checks) {
    const problem = check();
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

function optional<T>(value: T | undefined, validate: (value: T) => string | undefined): () => string | undefined {
  return () => (value === undefined ? undefined : validate(value));
}

function sessionPolicyChecks(request: { policy?: string; policyArns?: string[] }): Array<() => string | undefined> {
  return [optional(request.policy, validateSessionPolicy), optional(request.policyArns, validatePolicyArns)];
}

/**
 * Checks a whole request before it is sent. `mfaCode` is the one-time code for this call; a
 * request with an MFA serial needs one.
 */
export function validateSessionRequest(request: StsSessionRequest, mfaCode?: string): string | undefined {
  const duration = (context: DurationContext) =>
    optional(request.durationSeconds, (value: number) => validateDurationSeconds(request.api, value, context));
  const mfa = (serial: string | undefined) => [
    optional(serial, validateMfaSerial),
    () => (serial !== undefined && mfaCode === undefined ? `An MFA code from ${serial} is required.` : undefined),
    optional(mfaCode, validateMfaCode),
  ];
  switch (request.api) {
    case 'AssumeRole':
      return firstProblem(
        () => validateRoleArn(request.roleArn),
        () => validateRoleSessionName(request.roleSessionName),
        duration({ roleChaining: request.roleChaining }),
        optional(request.externalId, validateExternalId),
        ...mfa(request.mfaSerial),
        ...sessionPolicyChecks(request),
        optional(request.tags, validateTags),
        optional(request.transitiveTagKeys, (keys: string[]) => validateTransitiveTagKeys(keys, request.tags)),
        optional(request.sourceIdentity, validateSourceIdentity),
      );
    case 'GetSessionToken':
      return firstProblem(duration({ callerIsRoot: request.callerIsRoot }), ...mfa(request.mfaSerial));
    case 'AssumeRoleWithWebIdentity':
      return firstProblem(
        () => validateRoleArn(request.roleArn),
        () => validateRoleSessionName(request.roleSessionName),
        () =>
          request.webIdentityToken === undefined && request.webIdentityTokenFile === undefined
            ? 'A web identity token (or the file that holds it) is required.'
            : undefined,
        optional(request.webIdentityToken, validateWebIdentityToken),
        optional(request.providerId, validateProviderId),
        duration({}),
        ...sessionPolicyChecks(request),
      );
    case 'AssumeRoleWithSAML':
      return firstProblem(
        () => validateRoleArn(request.roleArn),
        () => validateSamlProviderArn(request.principalArn),
        () => validateSamlAssertion(request.samlAssertion),
        duration({}),
        ...sessionPolicyChecks(request),
      );
    case 'GetFederationToken':
      return firstProblem(
        () => validateFederationName(request.name),
        duration({ callerIsRoot: request.callerIsRoot }),
        ...sessionPolicyChecks(request),
        optional(request.tags, validateTags),
      );
  }
}

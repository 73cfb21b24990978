import { lazyProvider } from '../awsSdk/loadAwsSdk';
import { findProfile, staticKeysOf, type ProfileSummary } from './profiles';
import { credentialsUnavailableError, invalidInputError } from './stsErrors';
import { StsGateway, type CredentialsProvider, type StsGatewayOptions } from './stsGateway';
import type { AssumeRoleRequest, AssumeRoleWithWebIdentityRequest, IssuedSession, StsCallError, StsResult, StsSessionRequest } from './stsTypes';

/**
 * Credentials for a named profile, and the one-step assume of a role profile through our own
 * gateway (so the session lands in the store with the request needed to refresh it). Profiles
 * that are not role profiles (static keys, SSO, credential_process) are resolved by the SDK's
 * `fromIni`, which already understands all of them.
 */

/** Asks the user for the current code of an MFA device; undefined when they cancel. */
export type MfaCodePrompt = (mfaSerial: string) => Promise<string | undefined>;

export interface ProfileSessionOptions {
  askMfaCode: MfaCodePrompt;
  /** Region, endpoint, timeouts and log for the STS calls; region falls back to the profile's. */
  gateway?: Omit<StsGatewayOptions, 'credentials' | 'credentialsSource'>;
  /** Session name when the profile has no role_session_name. */
  sessionName?: string;
  now?: () => Date;
}

export interface ProfileRoleSession {
  /** The role profile that was assumed. */
  profile: string;
  request: AssumeRoleRequest | AssumeRoleWithWebIdentityRequest;
  issued: IssuedSession;
  /** The profile whose credentials signed the call (absent for credential_source). */
  sourceProfile?: string;
  region: string;
  endpoint?: string;
  usedMfa: boolean;
}

export interface ProfileCredentials {
  provider: CredentialsProvider;
  /** True when the credentials are a role session, so a further AssumeRole is role chaining. */
  isRoleSession: boolean;
}

const maxChainDepth = 5;

function failure<T>(error: StsCallError): StsResult<T> {
  return { ok: false, error };
}

function defaultSessionName(now: Date): string {
  return `iam-sts-studio-${now.getTime()}`;
}

function mfaCodeProvider(askMfaCode: MfaCodePrompt): (serial: string) => Promise<string> {
  return async (serial) => {
    const code = await askMfaCode(serial);
    if (code === undefined) {
      throw new Error(`no MFA code was entered for ${serial}`);
    }
    return code;
  };
}

function credentialSourceProvider(source: string): CredentialsProvider | undefined {
  switch (source) {
    case 'Environment':
      return lazyProvider((sdk) => sdk.fromEnv());
    case 'Ec2InstanceMetadata':
      return lazyProvider((sdk) => sdk.fromInstanceMetadata({ timeout: 1000, maxRetries: 1 }));
    case 'EcsContainer':
      return lazyProvider((sdk) => sdk.fromContainerMetadata({ timeout: 1000, maxRetries: 1 }));
    default:
      return undefined;
  }
}

function staticProvider(issued: IssuedSession): CredentialsProvider {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = issued.credentials;
  return async () => ({ accessKeyId, secretAccessKey, sessionToken, expiration });
}

/** The AssumeRole request a role profile describes. */
export function roleRequestForProfile(profile: ProfileSummary, sessionName: string, roleChaining: boolean): AssumeRoleRequest {
  return {
    api: 'AssumeRole',
    roleArn: profile.roleArn ?? '',
    roleSessionName: profile.roleSessionName ?? sessionName,
    durationSeconds: profile.durationSeconds,
    externalId: profile.externalId,
    mfaSerial: profile.mfaSerial,
    roleChaining: roleChaining || undefined,
  };
}

/** Credentials of any profile; role and web identity profiles are assumed through our gateway. */
export async function credentialsForProfile(
  name: string,
  options: ProfileSessionOptions,
  visited: readonly string[] = [],
): Promise<StsResult<ProfileCredentials>> {
  const profile = await findProfile(name);
  if (!profile) {
    return failure(credentialsUnavailableError('AssumeRole', new Error(`profile "${name}" is not defined`), `profile "${name}"`));
  }
  if (profile.kind === 'assume-role' || profile.kind === 'web-identity') {
    const assumed = await assumeProfileRoleInternal(profile, options, visited);
    return assumed.ok ? { ok: true, value: { provider: staticProvider(assumed.value.issued), isRoleSession: true } } : assumed;
  }
  const provider = lazyProvider((sdk) => sdk.fromIni({ profile: name, mfaCodeProvider: mfaCodeProvider(options.askMfaCode), ignoreCache: true }));
  return { ok: true, value: { provider, isRoleSession: false } };
}

async function sourceCredentials(
  profile: ProfileSummary,
  options: ProfileSessionOptions,
  visited: readonly string[],
): Promise<StsResult<ProfileCredentials>> {
  if (profile.sourceProfile === profile.name) {
    // Keys and role_arn in the same section: the keys are the source.
    const keys = await staticKeysOf(profile.name);
    return keys
      ? { ok: true, value: { provider: async () => keys, isRoleSession: false } }
      : failure(credentialsUnavailableError('AssumeRole', new Error('the profile names itself as source_profile but has no keys'), `profile "${profile.name}"`));
  }
  if (profile.sourceProfile) {
    return credentialsForProfile(profile.sourceProfile, options, [...visited, profile.name]);
  }
  const provider = profile.credentialSource ? credentialSourceProvider(profile.credentialSource) : undefined;
  if (!provider) {
    return failure(
      credentialsUnavailableError(
        'AssumeRole',
        new Error(`credential_source "${profile.credentialSource ?? ''}" is not Environment, Ec2InstanceMetadata or EcsContainer`),
        `profile "${profile.name}"`,
      ),
    );
  }
  return { ok: true, value: { provider, isRoleSession: false } };
}

async function assumeProfileRoleInternal(
  profile: ProfileSummary,
  options: ProfileSessionOptions,
  visited: readonly string[],
): Promise<StsResult<ProfileRoleSession>> {
  if (visited.includes(profile.name) || visited.length >= maxChainDepth) {
    return failure(
      invalidInputError('AssumeRole', `The source_profile chain ${[...visited, profile.name].join(' → ')} loops or is too long.`),
    );
  }
  const now = (options.now ?? (() => new Date()))();
  const region = options.gateway?.region ?? profile.region ?? 'us-east-1';
  const endpoint = options.gateway?.endpoint;
  if (profile.kind === 'web-identity') {
    const request: AssumeRoleWithWebIdentityRequest = {
      api: 'AssumeRoleWithWebIdentity',
      roleArn: profile.roleArn ?? '',
      roleSessionName: profile.roleSessionName ?? options.sessionName ?? defaultSessionName(now),
      webIdentityTokenFile: profile.webIdentityTokenFile,
      durationSeconds: profile.durationSeconds,
    };
    const gateway = new StsGateway({ ...options.gateway, region });
    const issued = await gateway.issue(request);
    return issued.ok ? { ok: true, value: { profile: profile.name, request, issued: issued.value, region, endpoint, usedMfa: false } } : issued;
  }
  const source = await sourceCredentials(profile, options, visited);
  if (!source.ok) {
    return source;
  }
  const request = roleRequestForProfile(profile, options.sessionName ?? defaultSessionName(now), source.value.isRoleSession);
  let mfaCode: string | undefined;
  if (request.mfaSerial) {
    mfaCode = await options.askMfaCode(request.mfaSerial);
    if (mfaCode === undefined) {
      return failure(invalidInputError('AssumeRole', `Assuming ${request.roleArn} needs a code from ${request.mfaSerial}; none was entered.`));
    }
  }
  const gateway = new StsGateway({
    ...options.gateway,
    region,
    credentials: source.value.provider,
    credentialsSource: profile.sourceProfile ? `profile "${profile.sourceProfile}"` : `credential_source ${profile.credentialSource}`,
  });
  const issued = await gateway.issue(request, { mfaCode });
  if (!issued.ok) {
    return issued;
  }
  return {
    ok: true,
    value: {
      profile: profile.name,
      request,
      issued: issued.value,
      sourceProfile: profile.sourceProfile,
      region,
      endpoint,
      usedMfa: mfaCode !== undefined,
    },
  };
}

/** One-step assume of a profile that describes a role (role_arn + source_profile or credential_source). */
export async function assumeProfileRole(name: string, options: ProfileSessionOptions): Promise<StsResult<ProfileRoleSession>> {
  const profile = await findProfile(name);
  if (!profile) {
    return failure(invalidInputError('AssumeRole', `Profile "${name}" is not defined in ~/.aws/config or ~/.aws/credentials.`));
  }
  if (profile.kind !== 'assume-role' && profile.kind !== 'web-identity') {
    return failure(invalidInputError('AssumeRole', `Profile "${name}" does not describe a role (it needs role_arn with source_profile or credential_source).`));
  }
  return assumeProfileRoleInternal(profile, options, []);
}

/** What a stored session needs to be issued again. */
export interface ReissuableSession {
  request: StsSessionRequest;
  /** The role profile the session came from, if any (its source is then resolved again). */
  profile?: string;
  /** The profile whose credentials sign the request. */
  sourceProfile?: string;
  region: string;
  endpoint?: string;
}

/**
 * Issues a stored session's request again with fresh source credentials: the refresh path.
 * `mfaCode` is the new code when the request names an MFA device.
 */
export async function reissueSession(
  session: ReissuableSession,
  mfaCode: string | undefined,
  options: ProfileSessionOptions,
): Promise<StsResult<IssuedSession>> {
  const gatewayOptions = { ...options.gateway, region: session.region, endpoint: session.endpoint ?? options.gateway?.endpoint };
  if (session.request.api === 'AssumeRoleWithWebIdentity' || session.request.api === 'AssumeRoleWithSAML') {
    return new StsGateway(gatewayOptions).issue(session.request);
  }
  let credentials: StsResult<ProfileCredentials>;
  if (session.profile) {
    const profile = await findProfile(session.profile);
    if (!profile) {
      return failure(credentialsUnavailableError(session.request.api, new Error(`profile "${session.profile}" is no longer defined`), `profile "${session.profile}"`));
    }
    credentials = await sourceCredentials(profile, { ...options, gateway: gatewayOptions }, [profile.name]);
  } else if (session.sourceProfile) {
    credentials = await credentialsForProfile(session.sourceProfile, { ...options, gateway: gatewayOptions });
  } else {
    return failure(credentialsUnavailableError(session.request.api, new Error('the session has no source profile'), 'the session'));
  }
  if (!credentials.ok) {
    return credentials;
  }
  const gateway = new StsGateway({
    ...gatewayOptions,
    credentials: credentials.value.provider,
    credentialsSource: session.sourceProfile ? `profile "${session.sourceProfile}"` : `profile "${session.profile}"`,
  });
  return gateway.issue(session.request, { mfaCode });
}

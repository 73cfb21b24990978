import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/**
 * Profiles from the shared config files, read by the AWS SDK's own loader (which honours
 * AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and HOME), described without exposing secrets.
 * Settings: https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html
 */

export type ProfileKind =
  | 'assume-role'
  | 'web-identity'
  | 'sso'
  | 'credential-process'
  | 'static-keys'
  | 'settings-only';

export interface ProfileSummary {
  name: string;
  definedIn: Array<'config' | 'credentials'>;
  kind: ProfileKind;
  hasStaticKeys: boolean;
  /** Static keys that are temporary (aws_session_token present). */
  hasSessionToken: boolean;
  /** Shortened access key ID (`AKIA…WXYZ`), never the secret. */
  accessKeyIdHint?: string;
  roleArn?: string;
  sourceProfile?: string;
  /** `Environment`, `Ec2InstanceMetadata` or `EcsContainer`. */
  credentialSource?: string;
  mfaSerial?: string;
  externalId?: string;
  roleSessionName?: string;
  durationSeconds?: number;
  region?: string;
  stsRegionalEndpoints?: string;
  sso?: { session?: string; startUrl?: string; region?: string; accountId?: string; roleName?: string };
  credentialProcess?: string;
  webIdentityTokenFile?: string;
}

export type ProfileSettings = Record<string, string | undefined>;

export interface SharedConfigPaths {
  configFile: string;
  credentialsFile: string;
}

export function sharedConfigPaths(): SharedConfigPaths {
  return {
    configFile: process.env.AWS_CONFIG_FILE || join(getHomeDir(), '.aws', 'config'),
    credentialsFile: process.env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), '.aws', 'credentials'),
  };
}

interface LoadedProfiles {
  /** Settings per profile, credentials file winning over config like the SDK's parseKnownFiles. */
  settings: Map<string, ProfileSettings>;
  definedIn: Map<string, Set<'config' | 'credentials'>>;
  ssoSessions: Map<string, ProfileSettings>;
}

/** Sections of the config file that are not profiles. */
const nonProfilePrefixes = ['sso-session.', 'services.'];

async function loadProfiles(): Promise<LoadedProfiles> {
  const paths = sharedConfigPaths();
  // ignoreCache: the user may edit the files while VS Code runs.
  const files = await loadSharedConfigFiles({ filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true });
  const settings = new Map<string, ProfileSettings>();
  const definedIn = new Map<string, Set<'config' | 'credentials'>>();
  const ssoSessions = new Map<string, ProfileSettings>();
  const add = (name: string, values: ProfileSettings, file: 'config' | 'credentials') => {
    settings.set(name, { ...settings.get(name), ...values });
    const where = definedIn.get(name) ?? new Set();
    where.add(file);
    definedIn.set(name, where);
  };
  for (const [name, values] of Object.entries(files.configFile)) {
    if (name.startsWith('sso-session.')) {
      ssoSessions.set(name.slice('sso-session.'.length), values);
    } else if (!nonProfilePrefixes.some((prefix) => name.startsWith(prefix))) {
      add(name, values, 'config');
    }
  }
  for (const [name, values] of Object.entries(files.credentialsFile)) {
    add(name, values, 'credentials');
  }
  return { settings, definedIn, ssoSessions };
}

function shortKeyId(keyId: string): string {
  return keyId.length > 8 ? `${keyId.slice(0, 4)}…${keyId.slice(-4)}` : '…';
}

function describe(name: string, values: ProfileSettings, loaded: LoadedProfiles): ProfileSummary {
  const hasStaticKeys = Boolean(values.aws_access_key_id && values.aws_secret_access_key);
  const ssoSessionName = values.sso_session;
  const ssoSession = ssoSessionName ? loaded.ssoSessions.get(ssoSessionName) : undefined;
  const ssoStartUrl = values.sso_start_url ?? ssoSession?.sso_start_url;
  const isSso = Boolean(ssoSessionName || ssoStartUrl || values.sso_account_id);
  const duration = values.duration_seconds !== undefined ? Number.parseInt(values.duration_seconds, 10) : undefined;
  let kind: ProfileKind = 'settings-only';
  if (values.role_arn && (values.source_profile || values.credential_source)) {
    kind = 'assume-role';
  } else if (values.role_arn && values.web_identity_token_file) {
    kind = 'web-identity';
  } else if (isSso) {
    kind = 'sso';
  } else if (values.credential_process) {
    kind = 'credential-process';
  } else if (hasStaticKeys) {
    kind = 'static-keys';
  }
  return {
    name,
    definedIn: [...(loaded.definedIn.get(name) ?? [])].sort(),
    kind,
    hasStaticKeys,
    hasSessionToken: Boolean(values.aws_session_token),
    accessKeyIdHint: values.aws_access_key_id ? shortKeyId(values.aws_access_key_id) : undefined,
    roleArn: values.role_arn,
    sourceProfile: values.source_profile,
    credentialSource: values.credential_source,
    mfaSerial: values.mfa_serial,
    externalId: values.external_id,
    roleSessionName: values.role_session_name,
    durationSeconds: duration !== undefined && Number.isFinite(duration) ? duration : undefined,
    region: values.region,
    stsRegionalEndpoints: values.sts_regional_endpoints,
    sso: isSso
      ? {
          session: ssoSessionName,
          startUrl: ssoStartUrl,
          region: values.sso_region ?? ssoSession?.sso_region,
          accountId: values.sso_account_id,
          roleName: values.sso_role_name,
        }
      : undefined,
    credentialProcess: values.credential_process,
    webIdentityTokenFile: values.web_identity_token_file,
  };
}

/** All profiles of ~/.aws/config and ~/.aws/credentials, sorted by name (`default` first). */
export async function listProfiles(): Promise<ProfileSummary[]> {
  const loaded = await loadProfiles();
  return [...loaded.settings.entries()]
    .map(([name, values]) => describe(name, values, loaded))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

export async function findProfile(name: string): Promise<ProfileSummary | undefined> {
  const loaded = await loadProfiles();
  const values = loaded.settings.get(name);
  return values ? describe(name, values, loaded) : undefined;
}

/**
 * The static keys of one profile, for the case the SDK's fromIni cannot cover: a role profile
 * whose source_profile is itself (keys and role_arn in the same section).
 */
export async function staticKeysOf(
  name: string,
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined> {
  const values = (await loadProfiles()).settings.get(name);
  if (!values?.aws_access_key_id || !values.aws_secret_access_key) {
    return undefined;
  }
  return {
    accessKeyId: values.aws_access_key_id,
    secretAccessKey: values.aws_secret_access_key,
    sessionToken: values.aws_session_token,
  };
}

import type { StsSession } from './sessionRecord';
import type { IssuingApi } from './stsTypes';

/**
 * Sessions as one string for VS Code SecretStorage (the OS keychain). Never written to a file:
 * the string holds secret keys and session tokens.
 */

const formatVersion = 1;
const issuingApis: readonly IssuingApi[] = [
  'AssumeRole',
  'GetSessionToken',
  'AssumeRoleWithWebIdentity',
  'AssumeRoleWithSAML',
  'GetFederationToken',
];

interface StoredSession extends Omit<StsSession, 'credentials' | 'issuedAt'> {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
  issuedAt: string;
}

export function sessionsToSecret(sessions: readonly StsSession[]): string {
  const stored: StoredSession[] = sessions.map((session) => ({
    ...session,
    credentials: { ...session.credentials, expiration: session.credentials.expiration.toISOString() },
    issuedAt: session.issuedAt.toISOString(),
  }));
  return JSON.stringify({ version: formatVersion, sessions: stored });
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function reviveSession(raw: unknown): StsSession | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const stored = raw as Partial<StoredSession>;
  const credentials = stored.credentials;
  const expiration = parseDate(credentials?.expiration);
  const issuedAt = parseDate(stored.issuedAt);
  if (
    !isString(stored.id) ||
    !isString(stored.label) ||
    !isString(stored.region) ||
    !issuingApis.includes(stored.api as IssuingApi) ||
    !credentials ||
    !isString(credentials.accessKeyId) ||
    !isString(credentials.secretAccessKey) ||
    !isString(credentials.sessionToken) ||
    !expiration ||
    !issuedAt ||
    typeof stored.request !== 'object' ||
    stored.request === null ||
    stored.request.api !== stored.api
  ) {
    return undefined;
  }
  return {
    ...(stored as StoredSession),
    credentials: { ...credentials, expiration },
    issuedAt,
    usedMfa: stored.usedMfa === true,
    refreshCount: typeof stored.refreshCount === 'number' ? stored.refreshCount : 0,
  };
}

/** Sessions from a stored string; entries that do not parse are dropped, never thrown on. */
export function sessionsFromSecret(text: string | undefined): StsSession[] {
  if (!text) {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const envelope = parsed as { version?: unknown; sessions?: unknown };
  if (envelope?.version !== formatVersion || !Array.isArray(envelope.sessions)) {
    return [];
  }
  return envelope.sessions.map(reviveSession).filter((session): session is StsSession => session !== undefined);
}

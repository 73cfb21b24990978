import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The SSO token cache of the AWS CLI v2 and the SDKs: `~/.aws/sso/cache/<sha1>.json`, the SHA-1
 * (hex) of the `sso_session` name, or of the start URL for a legacy profile without one. Written
 * in the same format, so `aws` and every SDK see a sign-in made in the editor, and the editor
 * sees one made with `aws sso login`.
 * https://docs.aws.amazon.com/cli/latest/userguide/sso-configure-profile-token.html
 */

export interface SsoTokenCacheEntry {
  startUrl: string;
  region: string;
  accessToken: string;
  /** ISO 8601 UTC without milliseconds, as the CLI writes it. */
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  refreshToken?: string;
}

/** What names the cache file: the sso-session, else the start URL. */
export interface SsoCacheKey {
  ssoSession?: string;
  startUrl: string;
}

export function ssoTokenCachePath(key: SsoCacheKey, home: string = homedir()): string {
  const hash = createHash('sha1').update(key.ssoSession ?? key.startUrl).digest('hex');
  return join(home, '.aws', 'sso', 'cache', `${hash}.json`);
}

export function cliTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function readSsoToken(key: SsoCacheKey, home?: string): Promise<SsoTokenCacheEntry | undefined> {
  try {
    const parsed = JSON.parse(await readFile(ssoTokenCachePath(key, home), 'utf8')) as Partial<SsoTokenCacheEntry>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'string') return undefined;
    return parsed as SsoTokenCacheEntry;
  } catch {
    return undefined;
  }
}

/** Written with mode 0600 to a temporary file renamed over the old one: never half a token. */
export async function writeSsoToken(key: SsoCacheKey, entry: SsoTokenCacheEntry, home?: string): Promise<string> {
  const path = ssoTokenCachePath(key, home);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(entry, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return path;
}

/** Whether the access token is good for at least `marginMs` more. */
export function tokenIsFresh(entry: SsoTokenCacheEntry, now: Date, marginMs = 60_000): boolean {
  return Date.parse(entry.expiresAt) - marginMs > now.getTime();
}

/** Whether the client registration (needed to refresh) is still valid. */
export function registrationIsValid(entry: Pick<SsoTokenCacheEntry, 'clientId' | 'clientSecret' | 'registrationExpiresAt'>, now: Date): boolean {
  return Boolean(entry.clientId && entry.clientSecret && entry.registrationExpiresAt && Date.parse(entry.registrationExpiresAt) > now.getTime() + 60_000);
}

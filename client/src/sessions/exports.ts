import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sharedConfigPaths } from './profiles';
import type { StsSession } from './sessionRecord';

/**
 * Handing a session to other tools: environment variables, shell export text, and (only on an
 * explicit user request) a named profile in ~/.aws/credentials. Variable names:
 * https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html
 */

export type ShellKind = 'bash' | 'fish' | 'powershell';

/** Every text format a session can be copied as. */
export type ExportFormat = ShellKind | 'dotenv' | 'credentialProcess';

export function sessionEnvironment(session: StsSession): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: session.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: session.credentials.sessionToken,
    AWS_REGION: session.region,
    AWS_CREDENTIAL_EXPIRATION: session.credentials.expiration.toISOString(),
  };
}

function bashQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function powershellQuote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** fish quotes: only \\ and ' are special inside single quotes. */
function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** Lines to paste into a terminal (bash/zsh `export`, fish `set -gx`, or PowerShell `$Env:`). */
export function shellExportText(session: StsSession, shell: ShellKind): string {
  const environment = Object.entries(sessionEnvironment(session));
  const lines = environment.map(([name, value]) =>
    shell === 'bash' ? `export ${name}=${bashQuote(value)}` : shell === 'fish' ? `set -gx ${name} ${fishQuote(value)}` : `$Env:${name} = ${powershellQuote(value)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** A `.env` file: NAME="value" lines, which dotenv loaders and docker --env-file read. */
export function dotenvText(session: StsSession): string {
  const lines = Object.entries(sessionEnvironment(session)).map(([name, value]) => `${name}="${value.replace(/["\\]/g, (c) => `\\${c}`)}"`);
  return `# AWS credentials of ${session.label}, valid until ${session.credentials.expiration.toISOString()}\n${lines.join('\n')}\n`;
}

/**
 * The JSON a `credential_process` prints: Version 1 and the keys, with Expiration so the SDK
 * asks again in time. https://docs.aws.amazon.com/cli/v1/userguide/cli-configure-sourcing-external.html
 */
export function credentialProcessJson(session: StsSession): string {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = session.credentials;
  return `${JSON.stringify({ Version: 1, AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiration.toISOString() }, null, 2)}\n`;
}

export function exportText(session: StsSession, format: ExportFormat): string {
  if (format === 'dotenv') return dotenvText(session);
  if (format === 'credentialProcess') return credentialProcessJson(session);
  return shellExportText(session, format);
}

const sectionHeaderPattern = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[#;].*)?$/;
const keyLinePattern = /^\s*([A-Za-z0-9_.-]+)\s*=/;
/** Keys this module owns in the target section; aws_security_token is the legacy name of the token. */
const managedKeys = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export function validateProfileName(name: string): string | undefined {
  if (name.length === 0 || name !== name.trim()) {
    return 'The profile name cannot be empty or start or end with spaces.';
  }
  if (/[[\]\r\n#;]/.test(name)) {
    return 'The profile name cannot contain [, ], #, ; or line breaks.';
  }
  return undefined;
}

export interface CredentialsSectionValues {
  aws_access_key_id: string;
  aws_secret_access_key: string;
  aws_session_token: string;
}

/**
 * Sets the keys of one section of a credentials file and leaves everything else (other
 * profiles, comments, other keys of that profile such as region) as it was.
 */
export function upsertCredentialsProfile(text: string, profileName: string, values: CredentialsSectionValues): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.length > 0 ? text.split(/\r?\n/) : [];
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  const start = lines.findIndex((line) => sectionHeaderPattern.exec(line)?.[1] === profileName);
  const newKeyLines = Object.entries(values).map(([key, value]) => `${key} = ${value}`);
  if (start < 0) {
    const separator = lines.length > 0 && lines[lines.length - 1].trim() !== '' ? [''] : [];
    return [...lines, ...separator, `[${profileName}]`, ...newKeyLines].join(eol) + eol;
  }
  let end = start + 1;
  while (end < lines.length && !sectionHeaderPattern.test(lines[end])) {
    end++;
  }
  const pending = new Map(Object.entries(values));
  const body: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const key = keyLinePattern.exec(line)?.[1];
    if (key === undefined || !managedKeys.includes(key)) {
      body.push(line);
      continue;
    }
    const value = pending.get(key);
    if (value !== undefined) {
      body.push(`${key} = ${value}`);
      pending.delete(key);
    }
    // A duplicate managed key or the legacy aws_security_token is dropped.
  }
  let insertAt = body.length;
  while (insertAt > 0 && body[insertAt - 1].trim() === '') {
    insertAt--;
  }
  body.splice(insertAt, 0, ...[...pending].map(([key, value]) => `${key} = ${value}`));
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join(eol) + eol;
}

/** Whether the section holds long-term keys (AKIA…, no session token) that a session would overwrite. */
export function sectionHasLongTermKeys(text: string, profileName: string): boolean {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => sectionHeaderPattern.exec(line)?.[1] === profileName);
  if (start < 0) {
    return false;
  }
  let keyId: string | undefined;
  let hasToken = false;
  for (const line of lines.slice(start + 1)) {
    if (sectionHeaderPattern.test(line)) {
      break;
    }
    const match = /^\s*([A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] === 'aws_access_key_id') {
      keyId = match[2];
    } else if (match?.[1] === 'aws_session_token' || match?.[1] === 'aws_security_token') {
      hasToken = match[2].length > 0;
    }
  }
  return keyId !== undefined && keyId.startsWith('AKIA') && !hasToken;
}

export interface WriteProfileOptions {
  /** Defaults to AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials. */
  filePath?: string;
  /** Replace a profile that holds long-term user keys (refused by default). */
  overwriteLongTermKeys?: boolean;
}

export type WriteProfileOutcome = { written: true; filePath: string } | { written: false; reason: string };

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return '';
    }
    throw error;
  }
}

/**
 * Writes the session into `[profileName]` of the credentials file. Only for an explicit user
 * request: the file then holds the secret until the user removes it. Written to a temporary
 * file with mode 0600 and renamed over the original, so a crash never leaves half a file.
 */
export async function writeSessionToCredentialsFile(
  session: StsSession,
  profileName: string,
  options: WriteProfileOptions = {},
): Promise<WriteProfileOutcome> {
  const nameProblem = validateProfileName(profileName);
  if (nameProblem) {
    return { written: false, reason: nameProblem };
  }
  let filePath = options.filePath ?? sharedConfigPaths().credentialsFile;
  try {
    filePath = await realpath(filePath);
  } catch {
    // Not there yet: created below.
  }
  const current = await readIfExists(filePath);
  if (!options.overwriteLongTermKeys && sectionHasLongTermKeys(current, profileName)) {
    return {
      written: false,
      reason: `Profile "${profileName}" holds long-term access keys; choose another profile name so they are not lost.`,
    };
  }
  const updated = upsertCredentialsProfile(current, profileName, {
    aws_access_key_id: session.credentials.accessKeyId,
    aws_secret_access_key: session.credentials.secretAccessKey,
    aws_session_token: session.credentials.sessionToken,
  });
  await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
  const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, updated, { encoding: 'utf8', mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, filePath);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { written: true, filePath };
}

import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sharedConfigPaths } from '../sessions/profiles';
import type { GetRoleCredentialsRequest } from '../sessions/stsTypes';

/**
 * A named profile in ~/.aws/config for an Identity Center account and permission set, written
 * only when the user asks. It holds no secret: the SDKs and the CLI read the token cache.
 * https://docs.aws.amazon.com/cli/latest/userguide/sso-configure-profile-token.html
 */

export function ssoProfileText(profileName: string, request: GetRoleCredentialsRequest, region: string): string {
  const lines = [`[profile ${profileName}]`];
  if (request.ssoSession) {
    lines.push(`sso_session = ${request.ssoSession}`);
  } else {
    lines.push(`sso_start_url = ${request.startUrl}`, `sso_region = ${request.ssoRegion}`);
  }
  lines.push(`sso_account_id = ${request.accountId}`, `sso_role_name = ${request.roleName}`, `region = ${region}`);
  return `${lines.join('\n')}\n`;
}

export function hasConfigProfile(text: string, profileName: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const header = /^\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]/.exec(line)?.[1];
    return header === profileName;
  });
}

export type SsoProfileOutcome = { written: true; filePath: string } | { written: false; reason: string };

/** Appends the profile; an existing profile of that name is never changed. */
export async function writeSsoProfile(profileName: string, request: GetRoleCredentialsRequest, region: string, filePath = sharedConfigPaths().configFile): Promise<SsoProfileOutcome> {
  let current = '';
  try {
    current = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (hasConfigProfile(current, profileName)) {
    return { written: false, reason: `Profile "${profileName}" already exists in ${filePath}; choose another name (existing profiles are never changed).` };
  }
  await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
  const separator = current.length === 0 || current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n';
  await appendFile(filePath, `${separator}${ssoProfileText(profileName, request, region)}`, { encoding: 'utf8', mode: 0o600 });
  return { written: true, filePath };
}

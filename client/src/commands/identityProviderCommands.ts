import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { StsGateways } from '../sessions/stsGateways';
import type { AssumeRoleWithSamlRequest, AssumeRoleWithWebIdentityRequest } from '../sessions/stsTypes';
import { validateRoleArn, validateRoleSessionName, validateSamlAssertion, validateSamlProviderArn, validateWebIdentityToken } from '../sessions/validation';
import { askText, pickDuration, pickTextFile } from './prompts';
import { defaultRoleSessionName } from './sessionInputs';
import type { RoleApi } from './recentRoles';
import type { RecentRoles } from './recentRolesStore';
import type { SessionIntake } from './sessionIntake';
import type { StsUi } from './stsUi';

/**
 * "Assume Role with Web Identity…" (an OIDC token from a file or pasted) and "Assume Role with
 * SAML…" (a base64 SAML response from a file). Both calls are unsigned: the token is the proof.
 */

export interface IdentityProviderCommandDeps {
  gateways: StsGateways;
  ui: StsUi;
  intake: SessionIntake;
  recentRoles: RecentRoles;
}

function userName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

async function askRoleArn(recentRoles: RecentRoles, api: RoleApi, title: string): Promise<string | undefined> {
  const recent = recentRoles.list(api);
  return askText({
    title,
    prompt: 'ARN of the role to assume',
    value: recent[0],
    placeHolder: 'arn:aws:iam::123456789012:role/WebApp',
    validate: validateRoleArn,
  });
}

export async function assumeRoleWithWebIdentityCommand({ gateways, ui, intake, recentRoles }: IdentityProviderCommandDeps): Promise<void> {
  const title = 'IAM STS: Assume Role with Web Identity';
  const roleArn = await askRoleArn(recentRoles, 'AssumeRoleWithWebIdentity', `${title}: role`);
  if (!roleArn) return;
  const how = await vscode.window.showQuickPick(
    [
      { label: 'From a file', description: 'read again on every refresh (like web_identity_token_file)', fromFile: true },
      { label: 'Paste the token', description: 'kept in memory only, to refresh the session', fromFile: false },
    ],
    { title: `${title}: token`, ignoreFocusOut: true },
  );
  if (!how) return;
  let token: string | undefined;
  let tokenFile: string | undefined;
  if (how.fromFile) {
    const file = await pickTextFile(`${title}: token file`);
    if (!file) return;
    const problem = validateWebIdentityToken(file.text);
    if (problem) {
      void vscode.window.showErrorMessage(`IAM STS: ${file.path} does not hold a usable token. ${problem}`);
      return;
    }
    tokenFile = file.path;
  } else {
    token = await askText({ title: `${title}: token`, prompt: 'The OIDC ID token (a JWT) from your identity provider', password: true, validate: (value) => validateWebIdentityToken(value.trim()) });
    if (!token) return;
    token = token.trim();
  }
  const roleSessionName = await askText({ title: `${title}: session name`, prompt: 'Role session name', value: defaultRoleSessionName(userName()), validate: validateRoleSessionName });
  if (!roleSessionName) return;
  const durationSeconds = await pickDuration(`${title}: duration`, 'AssumeRoleWithWebIdentity');
  if (durationSeconds === undefined) return;
  const request: AssumeRoleWithWebIdentityRequest = {
    api: 'AssumeRoleWithWebIdentity',
    roleArn,
    roleSessionName,
    durationSeconds,
    webIdentityToken: token,
    webIdentityTokenFile: tokenFile,
  };
  const region = gateways.region;
  const result = await ui.withProgress(`Assuming ${roleArn} with a web identity…`, () => gateways.unsigned(region).issue(request));
  if (!result.ok) {
    await ui.showError(result.error, roleArn);
    return;
  }
  recentRoles.remember('AssumeRoleWithWebIdentity', roleArn);
  intake.add({ request, issued: result.value, region, endpoint: gateways.endpoint, usedMfa: false });
}

export async function assumeRoleWithSamlCommand({ gateways, ui, intake, recentRoles }: IdentityProviderCommandDeps): Promise<void> {
  const title = 'IAM STS: Assume Role with SAML';
  const roleArn = await askRoleArn(recentRoles, 'AssumeRoleWithSAML', `${title}: role`);
  if (!roleArn) return;
  const accountId = roleArn.split(':')[4] ?? '123456789012';
  const principalArn = await askText({
    title: `${title}: SAML provider`,
    prompt: 'ARN of the IAM SAML identity provider',
    placeHolder: `arn:aws:iam::${accountId}:saml-provider/Okta`,
    value: `arn:aws:iam::${accountId}:saml-provider/`,
    validate: validateSamlProviderArn,
  });
  if (!principalArn) return;
  const file = await pickTextFile(`${title}: SAML response (base64)`, { 'SAML response': ['txt', 'b64', 'saml', 'xml'], 'All files': ['*'] });
  if (!file) return;
  let assertion = file.text;
  if (assertion.startsWith('<')) {
    // A raw XML response saved from the browser: STS wants it base64-encoded.
    assertion = Buffer.from(assertion, 'utf8').toString('base64');
  }
  const problem = validateSamlAssertion(assertion);
  if (problem) {
    void vscode.window.showErrorMessage(`IAM STS: ${file.path} does not hold a usable SAML response. ${problem}`);
    return;
  }
  const durationSeconds = await pickDuration(`${title}: duration`, 'AssumeRoleWithSAML');
  if (durationSeconds === undefined) return;
  const request: AssumeRoleWithSamlRequest = { api: 'AssumeRoleWithSAML', roleArn, principalArn, samlAssertion: assertion.replace(/\s+/g, ''), durationSeconds };
  const region = gateways.region;
  const result = await ui.withProgress(`Assuming ${roleArn} with SAML…`, () => gateways.unsigned(region).issue(request));
  if (!result.ok) {
    await ui.showError(result.error, roleArn);
    return;
  }
  recentRoles.remember('AssumeRoleWithSAML', roleArn);
  intake.add({ request, issued: result.value, region, endpoint: gateways.endpoint, usedMfa: false });
}

import * as vscode from 'vscode';
import type { IdentityCenter, IdentityCenterStart } from '../identityCenter/identityCenter';
import { writeSsoProfile } from '../identityCenter/ssoProfileWriter';
import type { ProfileSummary } from '../sessions/profiles';
import type { StsSession } from '../sessions/sessionRecord';
import type { StsGateways } from '../sessions/stsGateways';
import type { GetRoleCredentialsRequest } from '../sessions/stsTypes';
import { validateProfileName } from '../sessions/exports';
import { openExternalUrl } from './openExternal';
import { askText } from './prompts';
import type { SessionIntake } from './sessionIntake';
import { sessionIdOf, type SessionPicker } from './sessionPicker';
import type { SignerPicker } from './signers';
import type { StsUi } from './stsUi';

/**
 * "Sign in with IAM Identity Center…" (the device authorization flow, the token in the CLI's
 * cache), "Get Identity Center Role Credentials…" (accounts and permission sets in quick picks,
 * GetRoleCredentials as a session) and "Save Identity Center Profile…" (only when asked).
 */

export interface IdentityCenterCommandDeps {
  identityCenter: IdentityCenter;
  gateways: StsGateways;
  signers: SignerPicker;
  ui: StsUi;
  intake: SessionIntake;
  sessions: SessionPicker;
  /** The Region new sessions are for, when the profile names none. */
  defaultRegion: () => string;
}

const title = 'IAM STS: IAM Identity Center';
const startUrlPattern = /^https:\/\/[^\s/]+(\/\S*)?$/;

interface StartChoice extends IdentityCenterStart {
  profile?: ProfileSummary;
}

function startsOf(profiles: ProfileSummary[]): StartChoice[] {
  const seen = new Set<string>();
  const starts: StartChoice[] = [];
  for (const profile of profiles) {
    const sso = profile.sso;
    if (!sso?.startUrl || !sso.region) continue;
    const key = sso.session ?? sso.startUrl;
    if (seen.has(key)) continue;
    seen.add(key);
    starts.push({ ssoSession: sso.session, startUrl: sso.startUrl, region: sso.region, profile });
  }
  return starts;
}

async function pickStart({ signers, defaultRegion }: IdentityCenterCommandDeps): Promise<StartChoice | undefined> {
  const starts = startsOf(await signers.profiles());
  const items = [
    ...starts.map((start) => ({
      label: start.ssoSession ? `sso-session ${start.ssoSession}` : start.startUrl,
      description: `${start.startUrl} · ${start.region}${start.profile ? ` · profile ${start.profile.name}` : ''}`,
      start,
    })),
    { label: 'Enter a start URL…', description: 'https://d-1234567890.awsapps.com/start', start: undefined as StartChoice | undefined },
  ];
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: `${title}: start URL`, placeHolder: 'The AWS access portal to sign in to', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.start) return picked.start;
  const startUrl = await askText({ title: `${title}: start URL`, prompt: 'The AWS access portal URL of your organisation', placeHolder: 'https://d-1234567890.awsapps.com/start', validate: (value) => (startUrlPattern.test(value.trim()) ? undefined : 'An https:// URL, like https://d-1234567890.awsapps.com/start') });
  if (!startUrl) return undefined;
  const region = await askText({ title: `${title}: Region`, prompt: 'The Region of your IAM Identity Center instance (sso_region)', value: defaultRegion(), validate: (value) => (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value.trim()) ? undefined : 'A Region such as eu-west-1') });
  if (!region) return undefined;
  return { startUrl: startUrl.trim(), region: region.trim() };
}

export async function signInWithIdentityCenterCommand(deps: IdentityCenterCommandDeps): Promise<void> {
  const start = await pickStart(deps);
  if (!start) return;
  const signedIn = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'IAM Identity Center sign-in', cancellable: true },
    async (progress, cancellation) => {
      const abort = new AbortController();
      cancellation.onCancellationRequested(() => abort.abort());
      progress.report({ message: `registering with ${start.startUrl}…` });
      return deps.identityCenter.signIn(
        start,
        async (code) => {
          progress.report({ message: `confirm the code ${code.userCode} in your browser (${code.verificationUri}).` });
          await openExternalUrl(code.verificationUriComplete ?? code.verificationUri);
        },
        abort.signal,
        (state, intervalSeconds) => {
          if (state === 'slow-down') deps.ui.log(`IAM STS: IAM Identity Center asked to poll more slowly: every ${intervalSeconds} s.`);
        },
      );
    },
  );
  if (!signedIn.ok) {
    if (signedIn.error.code !== 'Cancelled') await deps.ui.showError(signedIn.error);
    return;
  }
  deps.ui.log(`IAM STS: signed in to ${start.startUrl}; the token is cached in ${signedIn.value.cacheFile} (as aws sso login does), valid until ${signedIn.value.entry.expiresAt}.`);
  await chooseRole(deps, start, signedIn.value.entry.accessToken);
}

export async function identityCenterRoleCommand(deps: IdentityCenterCommandDeps): Promise<void> {
  const start = await pickStart(deps);
  if (!start) return;
  const token = await deps.identityCenter.token(start);
  if (!token.ok) {
    const signIn = 'Sign In';
    const choice = await vscode.window.showWarningMessage(`IAM STS: ${token.error.message}`, signIn);
    if (choice === signIn) await signInWithIdentityCenterCommand(deps);
    return;
  }
  await chooseRole(deps, start, token.value.accessToken);
}

async function chooseRole(deps: IdentityCenterCommandDeps, start: StartChoice, accessToken: string): Promise<void> {
  const accounts = await deps.ui.withProgress('Listing your accounts…', () => deps.identityCenter.accounts(start, accessToken));
  if (!accounts.ok) return deps.ui.showError(accounts.error);
  if (accounts.value.length === 0) {
    void vscode.window.showInformationMessage('IAM STS: no AWS account is assigned to you in IAM Identity Center.');
    return;
  }
  const account = await vscode.window.showQuickPick(
    accounts.value.map((candidate) => ({ label: candidate.accountName ?? candidate.accountId, description: `${candidate.accountId}${candidate.emailAddress ? ` · ${candidate.emailAddress}` : ''}`, account: candidate })),
    { title: `${title}: account`, placeHolder: 'The account to work in', matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!account) return;
  const roles = await deps.ui.withProgress('Listing your permission sets…', () => deps.identityCenter.roles(start, accessToken, account.account.accountId));
  if (!roles.ok) return deps.ui.showError(roles.error);
  const role = await vscode.window.showQuickPick(
    roles.value.map((roleName) => ({ label: roleName, description: `${account.label} (${account.account.accountId})` })),
    { title: `${title}: permission set`, placeHolder: 'The role to get credentials for', ignoreFocusOut: true },
  );
  if (!role) return;
  const request: GetRoleCredentialsRequest = { api: 'GetRoleCredentials', accountId: account.account.accountId, roleName: role.label, startUrl: start.startUrl, ssoRegion: start.region, ssoSession: start.ssoSession };
  const issued = await deps.ui.withProgress(`Getting credentials for ${role.label}…`, () => deps.identityCenter.roleCredentials(request));
  if (!issued.ok) return deps.ui.showError(issued.error);
  const region = start.profile?.region ?? deps.defaultRegion();
  // The portal does not say who the credentials are: GetCallerIdentity (always allowed) names
  // the assumed-role ARN for the view and the history.
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = issued.value.credentials;
  const identity = await deps.gateways
    .signedBy({ provider: async () => ({ accessKeyId, secretAccessKey, sessionToken, expiration }), source: `${role.label} (${account.label})` }, region)
    .getCallerIdentity();
  if (identity.ok) issued.value.assumedRoleUser = { arn: identity.value.arn, assumedRoleId: identity.value.userId };
  const session = deps.intake.add({ request, issued: issued.value, region, label: `${role.label} (${account.label})`, profile: undefined, usedMfa: false });
  const save = 'Save as Profile…';
  const choice = await vscode.window.showInformationMessage(`IAM STS: ${session.label} comes from IAM Identity Center. Save the account and role as a profile in ~/.aws/config?`, save);
  if (choice === save) await saveProfile(deps, session);
}

async function saveProfile(deps: Pick<IdentityCenterCommandDeps, 'ui'>, session: StsSession): Promise<void> {
  if (session.request.api !== 'GetRoleCredentials') {
    void vscode.window.showInformationMessage('IAM STS: only IAM Identity Center sessions are saved as SSO profiles; use Write Session to Profile for others.');
    return;
  }
  const request = session.request;
  const profileName = await askText({
    title: `${title}: profile name`,
    prompt: 'Name of the profile to add to ~/.aws/config',
    value: `${request.roleName}-${request.accountId}`.toLowerCase(),
    validate: validateProfileName,
  });
  if (!profileName) return;
  const add = 'Add Profile';
  const confirmed = await vscode.window.showWarningMessage(
    `Add [profile ${profileName}] for ${request.roleName} in ${request.accountId} to ~/.aws/config?`,
    { modal: true, detail: 'It holds no key or token: the AWS CLI and SDKs use the Identity Center sign-in cached in ~/.aws/sso/cache. Other profiles are not changed.' },
    add,
  );
  if (confirmed !== add) return;
  const outcome = await writeSsoProfile(profileName, request, session.region);
  if (!outcome.written) {
    void vscode.window.showErrorMessage(`IAM STS: ${outcome.reason}`);
    return;
  }
  deps.ui.log(`IAM STS: added profile [${profileName}] to ${outcome.filePath} (on request).`);
  void vscode.window.showInformationMessage(`IAM STS: profile ${profileName} added; use it with --profile ${profileName}.`);
}

export async function saveIdentityCenterProfileCommand(deps: Pick<IdentityCenterCommandDeps, 'ui' | 'sessions'>, argument?: unknown): Promise<void> {
  const id = sessionIdOf(argument);
  const session = (id ? deps.sessions.store.get(id) : undefined) ?? (await deps.sessions.resolve(argument, `${title}: Save Profile`));
  if (session) await saveProfile(deps, session);
}

// How teams sign in, in the real VS Code against the loopback servers: IAM Identity Center
// (device code shown, the token cache written in the AWS CLI's file and format, a role chosen,
// the session in the view), Open in AWS Console (the URL carries a sign-in token), a role chain
// capped at one hour, and no secret of the test servers anywhere it was not asked to go.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoSecretsOutside } from './secretSearch.mjs';
import { stsUi } from './stsUi.mjs';
import { chainedRoleArn, startTeamsWorkbench, startUrl } from './teamsWorkbench.mjs';

let workbench;
let vscode;
let sts;
let home;
let openedFile;
let openedUrls;
let until;
const { quickInput, sidebarRows, sessionRow, runExactCommand, pickQuickItem, typeIntoInput, showSessionsView } = stsUi(() => vscode);

before(async () => {
  workbench = await startTeamsWorkbench('teams');
  ({ vscode, sts, home, openedFile, openedUrls, until } = workbench);
});

after(async () => {
  await workbench?.stop();
});

test('signs in with IAM Identity Center: the device code is shown, the CLI token cache is written, a role becomes a session', async () => {
  await showSessionsView();
  const toast = vscode.page.locator('.notification-toast', { hasText: 'confirm the code' });
  await vscode.orScreenshot('sso-code', async () => {
    await runExactCommand('IAM STS: Sign in with IAM Identity Center…');
    await pickQuickItem('start URL', 'team', 'sso-session team');
    await toast.waitFor({ timeout: 30_000 });
  });
  const shown = await toast.innerText();
  const [userCode] = sts.server.identityCenter.pendingUserCodes;
  assert.ok(userCode, 'the server has a pending device authorization');
  assert.match(shown, new RegExp(`confirm the code ${userCode} in your browser`));
  await vscode.screenshot('identity-center-device-code');
  await until(() => openedUrls().some((url) => url.endsWith(`/device?user_code=${userCode}`)), 'the verification page to be opened');
  // The user confirms the code in the browser.
  sts.server.identityCenter.decide(userCode, 'approved');
  await vscode.orScreenshot('sso-account', async () => {
    await pickQuickItem('account', 'Development');
    await pickQuickItem('permission set', 'ReadOnly');
  });
  const row = sessionRow('ReadOnly (Development)');
  await row.waitFor({ timeout: 30_000 });
  assert.match(await row.innerText(), /111122223333 · GetRoleCredentials/);
  await vscode.screenshot('identity-center-session');
  // The token cache file the AWS CLI reads: ~/.aws/sso/cache/<sha1 of the sso-session name>.json.
  const cacheFile = path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('team').digest('hex')}.json`);
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
  assert.deepEqual(Object.keys(cached).sort(), ['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
  assert.equal(cached.startUrl, startUrl);
  assert.equal(cached.region, 'us-east-1');
  assert.ok(sts.server.identityCenter.accessTokens.has(cached.accessToken), 'the cached token is the one the server issued');
  assert.equal(statSync(cacheFile).mode & 0o777, 0o600);
  // Dismiss the offer to save a profile: it is only written when asked.
  const offer = vscode.page.locator('.notification-toast', { hasText: 'Save the account and role as a profile' });
  await offer.waitFor();
  assert.doesNotMatch(readFileSync(path.join(home, '.aws', 'config'), 'utf8'), /sso_role_name = ReadOnly\nregion = eu-west-1\n\[/);
});

test('opens the AWS Console for the session with a URL that carries a sign-in token', async () => {
  const before = openedUrls().length;
  await vscode.orScreenshot('console', async () => {
    await runExactCommand('IAM STS: Open in AWS Console');
    await pickQuickItem('Open in AWS Console', 'browser', 'Open in the browser');
  });
  await until(() => openedUrls().length > before, 'the console URL');
  const url = new URL(openedUrls().at(-1));
  assert.equal(url.origin, sts.url);
  assert.equal(url.pathname, '/federation');
  assert.equal(url.searchParams.get('Action'), 'login');
  assert.equal(url.searchParams.get('Destination'), 'https://console.aws.amazon.com/console/home?region=eu-west-1');
  const token = url.searchParams.get('SigninToken');
  assert.ok(token && sts.server.identityCenter.signinTokens.has(token), 'the URL carries the sign-in token the federation endpoint issued');
  assert.ok(sts.server.identityCenter.signinTokens.get(token).sessionDuration <= 3600);
  await vscode.screenshot('console-url-opened');
});

test('assumes a role from a session in the view: a role chain, its duration capped at one hour', async () => {
  sts.issueSessionsLasting(3600);
  await runExactCommand('IAM STS: Assume Role…');
  await pickQuickItem('source credentials', 'team-dev');
  const source = sessionRow('Dev (e2e-dev)');
  await source.waitFor({ timeout: 30_000 });
  await vscode.orScreenshot('chain', async () => {
    await runExactCommand('IAM STS: Assume Role from Session…');
    await pickQuickItem('Pick a session', 'e2e-dev', 'Dev (e2e-dev)');
    await pickQuickItem('IAM STS: Assume Role: role', 'Enter a role ARN');
    await typeIntoInput('IAM STS: Assume Role: role', chainedRoleArn);
    await typeIntoInput('session name', 'chained-e2e');
    await quickInput().locator('.quick-input-title', { hasText: 'duration' }).waitFor();
  });
  const durations = (await quickInput().locator('.monaco-list-row').allInnerTexts()).join('\n');
  await vscode.screenshot('role-chain-durations');
  assert.match(durations, /1 hour/);
  assert.doesNotMatch(durations, /4 hours|8 hours|12 hours/, 'a role chain offers at most one hour');
  await pickQuickItem('duration', '1 hour');
  await quickInput().locator('input[placeholder*="Tick what this AssumeRole call needs"]').waitFor();
  await vscode.page.keyboard.press('Enter');
  const chained = sessionRow('Chained (chained-e2e)');
  await chained.waitFor({ timeout: 30_000 });
  assert.match(await chained.innerText(), /chained from Dev \(e2e-dev\)/);
  const issued = sts.server.requestsFor('AssumeRole').at(-1);
  assert.equal(issued.params.RoleArn, chainedRoleArn);
  assert.equal(issued.params.DurationSeconds, '3600');
  assert.ok(issued.hasSecurityToken, 'the chain is signed by the session credentials');
  await vscode.screenshot('role-chain-session');
});

test('no secret the servers issued is in the output channel, the history, settings, global state or any file not asked for', async () => {
  const secrets = sts.secrets().filter((secret) => secret.length >= 16);
  assert.ok(secrets.length >= 12, 'keys, tokens, client secrets, device codes and sign-in tokens to look for');
  // The files the user asked for: the AWS files the test wrote, the CLI token cache the sign-in
  // writes (it holds the SSO token on purpose), and the test hook's record of opened URLs.
  const askedFor = new Set([
    path.join(home, '.aws', 'credentials'),
    path.join(home, '.aws', 'config'),
    path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('team').digest('hex')}.json`),
    openedFile,
  ]);
  const { historyText } = await assertNoSecretsOutside({ vscode, home, secrets, askedFor });
  const history = JSON.parse(historyText);
  assert.deepEqual(history.map((entry) => entry.api), ['GetRoleCredentials', 'AssumeRole', 'AssumeRole']);
  assert.match(history[0].arn, /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnly\//);
  assert.equal(history.at(-1).chainedFrom, 'Dev (e2e-dev)');
});

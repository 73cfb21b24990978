// The rest of how teams sign in, in the real VS Code against the loopback servers: Save Identity
// Center profile (confirmation, the profile in ~/.aws/config, nothing secret), Copy the console
// sign-in URL, Refresh of a role chain and of an Identity Center session (the server records which
// API issued the new credentials and which key signed them), Write Session to .env File
// (confirmation, the file, its mode and content, nothing else written), the Session History
// view with its CSV export and the MFA age after a refresh, each with a screenshot; then no
// secret anywhere it was not asked to go.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoSecretsOutside } from './secretSearch.mjs';
import { stsUi } from './stsUi.mjs';
import { devRoleArn } from './stsFixtures.mjs';
import { chainedRoleArn, startTeamsWorkbench } from './teamsWorkbench.mjs';

let workbench;
let vscode;
let sts;
let home;
let openedUrls;
const { page, quickInput, sessionRow, toast, runExactCommand, pickQuickItem, typeIntoInput, waitForQuickInput, showSessionsView, getSessionTokenWithMfa } = stsUi(() => vscode);

before(async () => {
  workbench = await startTeamsWorkbench('teams-more');
  ({ vscode, sts, home, openedUrls } = workbench);
  await vscode.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: vscode.server.url });
});

after(async () => {
  await workbench?.stop();
});

/** The newest credentials the servers issued for an ARN containing `arnPart`: [accessKeyId, issued]. */
function latestIssued(arnPart) {
  return [...sts.server.issued.entries()].filter(([, value]) => value.caller.arn.includes(arnPart)).at(-1);
}

/** Relative paths of every file under `dir`. */
function filesUnder(dir) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}

async function pickSession(command, label) {
  await runExactCommand(command);
  await pickQuickItem('Pick a session', label);
}

/** The browser-based VS Code saves through its own dialog; Enter accepts the file it proposes. */
async function acceptSaveDialog(heading, file) {
  const widget = await waitForQuickInput(heading);
  const input = widget.locator('input');
  await page().waitForFunction(([element, expected]) => element.value === expected, [await input.elementHandle(), file]);
  await page().keyboard.press('Enter');
}

test('with an Identity Center session and a role session, Save as Profile adds an sso_session profile after confirmation, with nothing secret', async () => {
  await showSessionsView();
  await vscode.orScreenshot('sso-sign-in', async () => {
    await runExactCommand('IAM STS: Sign in with IAM Identity Center…');
    await pickQuickItem('start URL', 'team', 'sso-session team');
    await toast('confirm the code').waitFor({ timeout: 30_000 });
    const [userCode] = sts.server.identityCenter.pendingUserCodes;
    sts.server.identityCenter.decide(userCode, 'approved');
    await pickQuickItem('account', 'Development');
    await pickQuickItem('permission set', 'ReadOnly');
    await sessionRow('ReadOnly (Development)').waitFor({ timeout: 30_000 });
    // A second session, so the commands below ask which one.
    await runExactCommand('IAM STS: Assume Role…');
    await pickQuickItem('source credentials', 'team-dev');
    await sessionRow('Dev (e2e-dev)').waitFor({ timeout: 30_000 });
  });
  const configFile = path.join(home, '.aws', 'config');
  const configBefore = readFileSync(configFile, 'utf8');
  await vscode.orScreenshot('save-sso-profile', async () => {
    await pickSession('IAM STS: Save Identity Center Session as Profile…', 'ReadOnly (Development)');
    await typeIntoInput('profile name', 'e2e-readonly');
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Add \[profile e2e-readonly\] for ReadOnly in 111122223333 to ~\/\.aws\/config\?/);
    await vscode.screenshot('save-sso-profile-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Add Profile' }).click();
    await toast('profile e2e-readonly added').waitFor({ timeout: 30_000 });
  });
  const config = readFileSync(configFile, 'utf8');
  assert.ok(config.startsWith(configBefore), 'the profiles already there are kept as they were');
  assert.equal(config.slice(configBefore.length).trim(), '[profile e2e-readonly]\nsso_session = team\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1');
  for (const secret of sts.secrets().filter((value) => value.length >= 16)) {
    assert.ok(!config.includes(secret), `~/.aws/config holds a secret (${secret.slice(0, 6)}…)`);
  }
  await vscode.screenshot('save-sso-profile');
});

test('Open in AWS Console, copied: the clipboard holds the sign-in URL with the token the federation endpoint issued', async () => {
  const opened = openedUrls().length;
  await clearNotifications();
  await vscode.orScreenshot('copy-console-url', async () => {
    await pickSession('IAM STS: Open in AWS Console', 'ReadOnly (Development)');
    await pickQuickItem('Open in AWS Console', 'Copy', 'Copy the sign-in URL');
    await toast('console sign-in URL for ReadOnly (Development) is on the clipboard').waitFor({ timeout: 30_000 });
  });
  const url = new URL(await page().evaluate(() => navigator.clipboard.readText()));
  assert.equal(url.origin, sts.url);
  assert.equal(url.pathname, '/federation');
  assert.equal(url.searchParams.get('Action'), 'login');
  assert.equal(url.searchParams.get('Destination'), 'https://console.aws.amazon.com/console/home?region=eu-west-1');
  const token = url.searchParams.get('SigninToken');
  assert.ok(token && sts.server.identityCenter.signinTokens.has(token), 'the URL carries the sign-in token the federation endpoint issued');
  assert.equal(sts.server.identityCenter.signinTokens.get(token).accessKeyId, latestIssued('assumed-role/AWSReservedSSO_ReadOnly/')[0]);
  assert.equal(openedUrls().length, opened, 'copying opens nothing');
  await vscode.screenshot('console-url-copied');
});

test('Refresh of an Identity Center session: new credentials from GetRoleCredentials with the cached token, no STS call', async () => {
  const stsCalls = sts.server.requests.length;
  const portalCalls = () => sts.server.identityCenter.calls.filter((call) => call.operation === 'GetRoleCredentials').length;
  const before = portalCalls();
  const [oldKey] = latestIssued('assumed-role/AWSReservedSSO_ReadOnly/');
  await clearNotifications();
  await vscode.orScreenshot('refresh-sso', async () => {
    await pickSession('IAM STS: Refresh Session', 'ReadOnly (Development)');
    await toast('ReadOnly (Development) refreshed').waitFor({ timeout: 30_000 });
  });
  assert.equal(portalCalls(), before + 1);
  assert.equal(sts.server.requests.length, stsCalls, 'no STS call: the portal issues the credentials');
  const [newKey] = latestIssued('assumed-role/AWSReservedSSO_ReadOnly/');
  assert.notEqual(newKey, oldKey);
  // The session in the view uses the new credentials: its console URL is signed with them.
  await clearNotifications();
  await pickSession('IAM STS: Open in AWS Console', 'ReadOnly (Development)');
  await pickQuickItem('Open in AWS Console', 'Copy', 'Copy the sign-in URL');
  await toast('console sign-in URL').waitFor({ timeout: 30_000 });
  const token = new URL(await page().evaluate(() => navigator.clipboard.readText())).searchParams.get('SigninToken');
  assert.equal(sts.server.identityCenter.signinTokens.get(token).accessKeyId, newKey);
  await vscode.screenshot('refresh-identity-center');
});

test('Refresh of a role chain: AssumeRole again, signed by the source session as it is now, one hour', async () => {
  await vscode.orScreenshot('chain', async () => {
    await runExactCommand('IAM STS: Assume Role from Session…');
    await pickQuickItem('Pick a session', 'e2e-dev', 'Dev (e2e-dev)');
    await pickQuickItem('IAM STS: Assume Role: role', 'Enter a role ARN');
    await typeIntoInput('IAM STS: Assume Role: role', chainedRoleArn);
    await typeIntoInput('session name', 'chained-e2e');
    await pickQuickItem('duration', '1 hour');
    await quickInput().locator('input[placeholder*="Tick what this AssumeRole call needs"]').waitFor();
    await page().keyboard.press('Enter');
    await sessionRow('Chained (chained-e2e)').waitFor({ timeout: 30_000 });
  });
  const devKeyBefore = latestIssued('assumed-role/Dev/e2e-dev')[0];
  await clearNotifications();
  await vscode.orScreenshot('refresh-chain', async () => {
    await pickSession('IAM STS: Refresh Session', 'Chained (chained-e2e)');
    await toast('Chained (chained-e2e) refreshed').waitFor({ timeout: 30_000 });
  });
  let request = sts.server.requestsFor('AssumeRole').at(-1);
  assert.equal(request.params.RoleArn, chainedRoleArn);
  assert.equal(request.params.DurationSeconds, '3600', 'a role chain stays capped at one hour');
  assert.equal(request.accessKeyId, devKeyBefore, 'signed by the source session, not by its profile');
  assert.ok(request.hasSecurityToken);
  // The source refreshed first: the chain's next refresh is signed by the source's new credentials.
  await clearNotifications();
  await pickSession('IAM STS: Refresh Session', 'Dev (e2e-dev)');
  await toast('Dev (e2e-dev) refreshed').waitFor({ timeout: 30_000 });
  const devRefresh = sts.server.requestsFor('AssumeRole').at(-1);
  assert.equal(devRefresh.params.RoleArn, devRoleArn);
  const devKeyAfter = latestIssued('assumed-role/Dev/e2e-dev')[0];
  assert.notEqual(devKeyAfter, devKeyBefore);
  await clearNotifications();
  await pickSession('IAM STS: Refresh Session', 'Chained (chained-e2e)');
  await toast('Chained (chained-e2e) refreshed').waitFor({ timeout: 30_000 });
  request = sts.server.requestsFor('AssumeRole').at(-1);
  assert.equal(request.params.RoleArn, chainedRoleArn);
  assert.equal(request.params.DurationSeconds, '3600');
  assert.equal(request.accessKeyId, devKeyAfter, 'signed by the source session\'s new credentials');
  const chained = sessionRow('Chained (chained-e2e)');
  assert.match(await chained.innerText(), /chained from Dev \(e2e-dev\)/);
  assert.match(await chained.innerText(), /(59m \d+s|1h 00m) left/, 'the refreshed chain has one hour again');
  await vscode.screenshot('refresh-role-chain');
});

/** Closes every notification, so the next toast waited for is a new one. */
async function clearNotifications() {
  await vscode.runCommand('Notifications: Clear All Notifications');
  await page().locator('.notification-toast').first().waitFor({ state: 'detached' });
}

test('Write Session to .env File: after confirmation, one file with the session, readable by its owner only', async () => {
  const filesBefore = filesUnder(vscode.workspace);
  const target = path.join(vscode.workspace, '.env');
  await vscode.orScreenshot('dotenv', async () => {
    await pickSession('IAM STS: Write Session to .env File…', 'Dev (e2e-dev)');
    await acceptSaveDialog('.env file for the session', target);
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Write the secret key and session token of Dev \(e2e-dev\) into \.env\?/);
    await vscode.screenshot('dotenv-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Write .env File' }).click();
    await toast('.env holds Dev (e2e-dev)').waitFor({ timeout: 30_000 });
  });
  assert.deepEqual(filesUnder(vscode.workspace), [...filesBefore, '.env'].sort(), 'nothing else is written');
  assert.equal(statSync(target).mode & 0o777, 0o600);
  const [keyId, issued] = latestIssued('assumed-role/Dev/e2e-dev');
  const lines = readFileSync(target, 'utf8').trimEnd().split('\n');
  assert.match(lines[0], /^# AWS credentials of Dev \(e2e-dev\), valid until \d{4}-\d\d-\d\dT/);
  assert.deepEqual(lines.slice(1).map((line) => line.split('=')[0]).sort(), ['AWS_ACCESS_KEY_ID', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
  assert.ok(lines.includes(`AWS_ACCESS_KEY_ID="${keyId}"`));
  assert.ok(lines.includes(`AWS_SECRET_ACCESS_KEY="${issued.caller.secretAccessKey}"`));
  assert.ok(lines.includes(`AWS_SESSION_TOKEN="${issued.sessionToken}"`));
  assert.ok(lines.includes('AWS_REGION="us-east-1"'));
  await vscode.screenshot('dotenv-written');
});

test('Session History: one row per issue and refresh with the ARN, API and duration, no secret; exported as CSV', async () => {
  await vscode.runCommand('Focus on Session History View');
  const rows = page().locator('.part.panel .monaco-list-row');
  await rows.filter({ hasText: 'assumed-role/Chained/chained-e2e' }).first().waitFor({ timeout: 30_000 });
  const shown = await rows.allInnerTexts();
  await vscode.screenshot('history-view');
  // Newest first: the chain's second refresh, the source's refresh, the chain's first refresh,
  // the chain, the Identity Center refresh, the source, the Identity Center session.
  assert.equal(shown.length, 7, shown.join('\n'));
  assert.match(shown[0], /↻ assumed-role\/Chained\/chained-e2e/);
  assert.match(shown[0], /AssumeRole · 1h · us-east-1/);
  assert.match(shown[1], /↻ assumed-role\/Dev\/e2e-dev/);
  assert.match(shown.at(-1), /assumed-role\/AWSReservedSSO_ReadOnly\/sso-user/);
  assert.match(shown.at(-1), /GetRoleCredentials · 1h · eu-west-1/);
  const secrets = sts.secrets().filter((value) => value.length >= 16);
  for (const secret of secrets) assert.ok(!shown.join('\n').includes(secret), `the history view shows a secret (${secret.slice(0, 6)}…)`);
  const csvFile = path.join(vscode.workspace, 'sts-session-history.csv');
  await vscode.orScreenshot('history-csv', async () => {
    await runExactCommand('IAM STS: Export Session History as CSV…');
    await acceptSaveDialog('export the session history', csvFile);
    await toast('7 history entries written to sts-session-history.csv').waitFor({ timeout: 30_000 });
  });
  const csv = readFileSync(csvFile, 'utf8').split('\r\n').filter(Boolean);
  assert.equal(csv[0], 'at,event,api,arn,sessionName,account,durationSeconds,sourceProfile,region,requestId,chainedFrom');
  assert.equal(csv.length, 8);
  const cells = csv.map((line) => line.split(','));
  assert.deepEqual(cells.slice(1).map((row) => `${row[1]} ${row[2]}`), [
    'issued GetRoleCredentials',
    'issued AssumeRole',
    'refreshed GetRoleCredentials',
    'issued AssumeRole',
    'refreshed AssumeRole',
    'refreshed AssumeRole',
    'refreshed AssumeRole',
  ]);
  const chainRow = cells.at(-1);
  assert.equal(chainRow[3], 'arn:aws:sts::111122223333:assumed-role/Chained/chained-e2e');
  // Issued for an hour: the client's clock reads the issue a moment after the server's.
  assert.ok(Number(chainRow[6]) > 3590 && Number(chainRow[6]) <= 3600, `duration ${chainRow[6]} s`);
  assert.equal(chainRow[10], 'Dev (e2e-dev)');
  assert.match(chainRow[9], /^[0-9a-f-]{36}$/, 'the request id, for CloudTrail');
  for (const secret of secrets) assert.ok(!csv.join('\n').includes(secret), `the CSV holds a secret (${secret.slice(0, 6)}…)`);
  await vscode.screenshot('history-csv');
});

test('a session token with MFA, refreshed with a new code: the view says MFA was used just now', async () => {
  const aliceMfa = 'arn:aws:iam::111122223333:mfa/alice';
  await showSessionsView();
  await vscode.orScreenshot('gst-mfa', async () => {
    await getSessionTokenWithMfa('alice', aliceMfa);
  });
  const before = sts.server.requestsFor('GetSessionToken').length;
  await clearNotifications();
  await vscode.orScreenshot('refresh-mfa', async () => {
    await pickSession('IAM STS: Refresh Session', 'session token (alice) with MFA');
    await typeIntoInput('MFA code', '123456');
    await toast('session token (alice) with MFA refreshed').waitFor({ timeout: 30_000 });
  });
  const refresh = sts.server.requestsFor('GetSessionToken');
  assert.equal(refresh.length, before + 1);
  assert.equal(refresh.at(-1).params.SerialNumber, aliceMfa, 'the refresh sent the new code for the device');
  const hover = page().locator('.monaco-hover, .workbench-hover', { hasText: 'MFA used' }).first();
  await vscode.orScreenshot('mfa-hover', async () => {
    // A tooltip opens when the pointer arrives on the row: come from outside it, again if the
    // first arrival was taken by a toast closing or the list re-rendering.
    for (let attempt = 1; ; attempt++) {
      await page().mouse.move(5, 5);
      await sessionRow('session token (alice) with MFA').hover();
      try {
        await hover.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  });
  const text = await hover.innerText();
  assert.match(text, /MFA used: 0m ago \(aws:MultiFactorAuthAge\)/);
  assert.match(text, /Refreshed: 1 time/);
  await vscode.screenshot('mfa-age-after-refresh');
});

test('no secret the servers issued is in the output channel, the history, settings, global state or any file but the .env file asked for', async () => {
  const secrets = sts.secrets().filter((secret) => secret.length >= 16);
  const askedFor = [
    path.join(home, '.aws', 'credentials'),
    path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('team').digest('hex')}.json`),
    path.join(vscode.workspace, '.env'),
  ];
  // ~/.aws/config, the CSV export and the history are searched: none of them may hold a secret.
  const { historyText } = await assertNoSecretsOutside({ vscode, home, secrets, askedFor });
  assert.equal(JSON.parse(historyText).length, 9);
});

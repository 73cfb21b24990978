// STS sessions in the real VS Code: Assume Role from the command palette against the loopback
// STS server, the Sessions view with its live countdown and states, AccessDenied with the trust
// policy button, input validation, and an output channel without secrets. Waits for UI state.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';
import { escapeRegExp, stsUi } from './stsUi.mjs';
import { devRoleArn, startLoopbackSts, writeAwsHome } from './stsFixtures.mjs';

let vscode;
let sts;
let home;
const { quickInput, sidebarRows, sessionRow, runExactCommand, pickQuickItem, showSessionsView } = stsUi(() => vscode);

before(async () => {
  sts = await startLoopbackSts();
  home = mkdtempSync(path.join(os.tmpdir(), 'iamsts-e2e-home-'));
  const env = writeAwsHome(home, sts.config);
  vscode = await VsCodeSession.start({
    name: 'sts',
    env,
    settings: {
      'iamSts.stsEndpoint': sts.url,
      // Sessions here are made short on purpose; refreshing them would hide the expiry.
      'iamSts.sessions.autoRefresh': false,
    },
  });
});

after(async () => {
  if (process.env.IAMSTS_E2E_DEBUG && vscode) process.stderr.write(`--- output channel ---\n${outputLogText()}\n`);
  await vscode?.stop();
  await sts?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});


async function assumeRoleProfile(profile) {
  await runExactCommand('IAM STS: Assume Role…');
  await pickQuickItem('source credentials', profile);
}

/** The "47m 12s left" of a row, in seconds. */
function secondsLeft(text) {
  const hours = /(\d+)h (\d+)m left/.exec(text);
  if (hours) return Number(hours[1]) * 3600 + Number(hours[2]) * 60;
  const minutes = /(\d+)m (\d+)s left/.exec(text);
  if (minutes) return Number(minutes[1]) * 60 + Number(minutes[2]);
  const seconds = /(\d+)s left/.exec(text);
  assert.ok(seconds, `no countdown in "${text}"`);
  return Number(seconds[1]);
}

test('shows the custom endpoint in use and where to start while there is no session', async () => {
  await vscode.orScreenshot('welcome', async () => {
    await showSessionsView();
    // With a custom endpoint the view names it, and where to start.
    await vscode.page.locator('.part.sidebar', { hasText: `STS endpoint: ${sts.url} (custom, from user settings)` }).first().waitFor({ timeout: 60_000 });
    await vscode.page.locator('.part.sidebar', { hasText: 'No session yet: Assume Role… (+ above)' }).first().waitFor();
    await vscode.page.locator('.part.sidebar .action-label[aria-label^="Assume Role"]').first().waitFor();
  });
  await vscode.screenshot('sessions-welcome');
});

test('assumes a role profile from the command palette; its countdown runs and it turns "expiring soon"', async () => {
  // One-hour sessions issued 5 minutes 8 seconds before their end: active now, expiring soon shortly.
  sts.issueSessionsLasting(5 * 60 + 8);
  const row = sessionRow('Dev (e2e-dev)');
  await vscode.orScreenshot('assume-role', async () => {
    await assumeRoleProfile('team-dev');
    await row.waitFor({ timeout: 30_000 });
  });
  const first = await row.innerText();
  assert.match(first, /\d+m \d+s left · 111122223333 · AssumeRole/);
  assert.equal(await row.locator('.codicon-pass-filled').count(), 1, 'an active session shows the active icon');
  await vscode.screenshot('session-countdown-1');
  // The text redraws every second once five minutes are left; wait for that, not for time.
  await vscode.page.waitForFunction(
    ([label, before]) => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some((el) => el.textContent.includes(label) && !el.textContent.includes(before)),
    ['Dev (e2e-dev)', /\d+m \d+s left/.exec(first)[0]],
    { timeout: 30_000 },
  );
  await row.locator('.codicon-warning').waitFor({ timeout: 30_000 });
  const second = await row.innerText();
  await vscode.screenshot('session-countdown-2');
  assert.ok(secondsLeft(second) < secondsLeft(first), `countdown went down: "${first}" → "${second}"`);
  assert.ok(secondsLeft(second) <= 300, 'the session is in its last five minutes');
  // The status bar shows the session in use and its time left.
  await vscode.page.locator('.statusbar-item', { hasText: 'Dev (e2e-dev)' }).waitFor();
  // With auto-refresh off, a notification offers to refresh before expiry.
  await vscode.page.locator('.notifications-toasts', { hasText: 'Dev (e2e-dev) expires soon' }).waitFor({ timeout: 30_000 });
});

test('keeps an expired session in the view and marks it expired', async () => {
  sts.issueSessionsLasting(3);
  const row = sessionRow('Dev (e2e-brief)');
  await vscode.orScreenshot('expired', async () => {
    await assumeRoleProfile('short-lived');
    await row.waitFor({ timeout: 30_000 });
    await sidebarRows().filter({ hasText: 'Dev (e2e-brief)' }).filter({ hasText: /expired/ }).first().waitFor({ timeout: 30_000 });
    await row.locator('.codicon-error').waitFor();
  });
  await vscode.screenshot('session-expired');
  assert.match(await row.innerText(), /expired (just now|\d+s ago)/);
});

test('shows AccessDenied as one clear message with a button that opens the role trust policy', async () => {
  sts.issueSessionsLasting(3600);
  writeFileSync(
    path.join(vscode.workspace, 'trust', 'dev-role-trust.json'),
    JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalTag/role': 'Dev' } } }],
      },
      null,
      2,
    ),
  );
  const toast = vscode.page.locator('.notification-toast', { hasText: `Access denied assuming ${devRoleArn}` });
  await vscode.orScreenshot('access-denied', async () => {
    await assumeRoleProfile('untrusted');
    await toast.locator('.monaco-button', { hasText: 'Open Trust Policy' }).waitFor({ timeout: 30_000 });
  });
  await vscode.screenshot('access-denied');
  assert.match(await toast.innerText(), /AccessDenied/);
  await toast.locator('.monaco-button', { hasText: 'Open Trust Policy' }).click();
  await vscode.page.locator('.tabs-container .tab.active[aria-label*="dev-role-trust.json"]').waitFor();
  assert.equal(await sessionRow('Dev (e2e-denied)').count(), 0, 'a denied call adds no session');
});

test('shows why a typed role ARN is refused, in the input box', async () => {
  await vscode.orScreenshot('invalid-arn', async () => {
    await runExactCommand('IAM STS: Assume Role…');
    await pickQuickItem('source credentials', 'alice');
    await pickQuickItem('IAM STS: Assume Role: role', 'Enter a role ARN');
    await quickInput().locator('input').fill('arn:aws:iam::1234:role/Nope');
    await quickInput().locator('.quick-input-message', { hasText: 'That is not a role ARN' }).waitFor();
  });
  await vscode.screenshot('invalid-role-arn');
  await vscode.page.keyboard.press('Escape');
  await quickInput().waitFor({ state: 'hidden' });
});

test('forgets a session from its inline action in the Sessions view', async () => {
  const row = sessionRow('Dev (e2e-brief)');
  await vscode.orScreenshot('forget', async () => {
    await showSessionsView();
    await row.hover();
    await row.locator('.action-label[aria-label^="Forget Session"]').click();
    await row.waitFor({ state: 'detached' });
  });
  assert.equal(await sessionRow('Dev (e2e-dev)').count(), 1, 'the other session stays');
});

test('opens the revoke-older-sessions policy as a new JSON document', async () => {
  await vscode.orScreenshot('revoke-policy', async () => {
    await runExactCommand('IAM STS: Generate Revoke-Older-Sessions Policy');
    await vscode.page.locator('.editor-instance .view-lines', { hasText: 'aws:TokenIssueTime' }).first().waitFor();
  });
  const text = (await vscode.page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  assert.match(text, /"Effect": "Deny"/);
  assert.match(text, /"aws:TokenIssueTime": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
  await vscode.screenshot('revoke-policy');
});

/** The output channel's log file, written by VS Code under the profile's logs folder. */
function outputLogText() {
  const logs = path.join(vscode.profile.userDataDir, 'logs');
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('IAM STS Studio.log')) found.push(readFileSync(full, 'utf8'));
    }
  };
  walk(logs);
  return found.join('\n');
}

test('logs each STS call in the output channel without any key, secret or token', async () => {
  await vscode.orScreenshot('output', async () => {
    await vscode.runCommand('Output: Show Output Channels...');
    await pickQuickItem('Output', 'IAM STS Studio');
    // The language server logs to the same channel; the Output view's filter keeps the STS lines.
    const filter = vscode.page.locator('.part.panel input[placeholder^="Filter"]').first();
    await filter.fill('STS');
    await vscode.page.locator('.part.panel .view-lines', { hasText: 'STS AssumeRole' }).first().waitFor({ timeout: 30_000 });
  });
  await vscode.runCommand('View: Toggle Maximized Panel');
  await vscode.page.locator('.part.panel .view-lines', { hasText: 'AccessDenied' }).first().waitFor();
  const shown = (await vscode.page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  await vscode.screenshot('output-channel');
  assert.match(shown, new RegExp(`STS AssumeRole ${escapeRegExp(devRoleArn)} → ok \\(request [0-9a-f-]+\\)`));
  assert.match(shown, /STS AssumeRole .* → AccessDenied/);
  const secrets = sts.secrets();
  assert.ok(secrets.length >= 9, 'the server issued sessions whose secrets can be looked for');
  const logged = `${shown}\n${outputLogText()}`;
  for (const secret of secrets) {
    assert.ok(!logged.includes(secret), `the output channel holds a secret (${secret.slice(0, 4)}…)`);
  }
  assert.doesNotMatch(logged, /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, 'no whole access key id');
});

// The rough edges a new user met in the first hour, end to end in the real VS Code against the
// loopback STS server: the endpoint in view, the endpoint setting not greyed out, the duration
// picker's "API default", two sessions of one profile told apart (and Forget removing the one
// picked), Web Identity not pre-filling an AssumeRole role, and terminals of a session after a
// refresh and a forget. Waits for UI state, never for time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';
import { stsUi } from './stsUi.mjs';
import { startLoopbackSts, writeAwsHome } from './stsFixtures.mjs';

let vscode;
let sts;
let home;
const { page, quickInput, sidebarRows, toast, runExactCommand, waitForQuickInput, pickQuickItem, closeQuickInput, showSessionsView } = stsUi(() => vscode);

before(async () => {
  sts = await startLoopbackSts();
  home = mkdtempSync(path.join(os.tmpdir(), 'iamsts-e2e-home-'));
  const env = writeAwsHome(home, sts.config);
  // The endpoint is in User settings only, as the README tells users to set it.
  vscode = await VsCodeSession.start({
    name: 'first-hour',
    env,
    settings: { 'iamSts.stsEndpoint': sts.url, 'iamSts.sessions.autoRefresh': false },
  });
});

after(async () => {
  await vscode?.stop();
  await sts?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});


async function dismissToasts() {
  await vscode.runCommand('Notifications: Clear All Notifications');
}

test('shows the STS endpoint and Region in the Sessions view itself, even with the view header collapsed into the container', async () => {
  await vscode.orScreenshot('endpoint-in-view', async () => {
    await showSessionsView();
    // A custom endpoint is said in the view's body before any session is issued.
    await page().locator('.part.sidebar', { hasText: `STS endpoint: ${sts.url} (custom, from user settings) · Region us-east-1. No session yet` }).first().waitFor({ timeout: 60_000 });
  });
  await vscode.screenshot('endpoint-in-view');
});

test('the STS endpoint setting in User settings is not greyed out as "cannot be applied in this window"', async () => {
  await vscode.orScreenshot('endpoint-setting', async () => {
    await vscode.runCommand('Preferences: Open User Settings');
    await page().locator('.settings-editor').first().waitFor();
    // The settings search box has the focus when the editor opens.
    await page().keyboard.type('iamSts.stsEndpoint');
    await page().locator('.settings-editor .setting-item-contents', { hasText: 'custom STS endpoint' }).first().waitFor({ timeout: 30_000 });
  });
  const item = page().locator('.settings-editor .setting-item-contents', { hasText: 'custom STS endpoint' }).first();
  const text = await item.innerText();
  await vscode.screenshot('endpoint-setting');
  assert.doesNotMatch(text, /cannot be applied in this window/i, text);
  assert.match(text, /User settings/);
  // Escape clears the search, then closes the settings editor.
  for (let i = 0; i < 4 && (await page().locator('.settings-editor').first().isVisible()); i++) await page().keyboard.press('Escape');
  await page().locator('.settings-editor').first().waitFor({ state: 'hidden' });
});

test('Get Session Token labels its default duration "API default" when the profile sets none', async () => {
  await vscode.orScreenshot('duration-label', async () => {
    await runExactCommand('IAM STS: Get Session Token (MFA)…');
    await pickQuickItem('IAM user credentials', 'alice');
    const mfa = await waitForQuickInput('MFA device');
    await mfa.locator('input').fill('');
    await page().keyboard.press('Enter');
    const duration = await waitForQuickInput('duration');
    await duration.locator('.monaco-list-row', { hasText: '12 hours' }).first().waitFor();
  });
  const rows = await quickInput().locator('.monaco-list-row').allInnerTexts();
  await vscode.screenshot('duration-api-default');
  assert.match(rows[0], /12 hours/);
  assert.match(rows[0], /43200 seconds \(API default\)/);
  assert.ok(!rows.some((r) => r.includes('profile default')), rows.join('\n'));
  await closeQuickInput();
});

test('tells two sessions of the same profile apart, and Forget removes the one picked', async () => {
  sts.issueSessionsLasting(3600);
  await showSessionsView();
  for (let i = 0; i < 2; i++) {
    await runExactCommand('IAM STS: Assume Role…');
    await pickQuickItem('source credentials', 'team-dev');
    await sidebarRows().filter({ hasText: i === 0 ? /^Dev \(e2e-dev\)(?! #)/ : 'Dev (e2e-dev) #2' }).first().waitFor({ timeout: 30_000 });
  }
  await vscode.screenshot('two-sessions');
  // With sessions, the view says the endpoint in full above them.
  await page().locator('.part.sidebar', { hasText: `STS endpoint: ${sts.url} (custom, from user settings) · Region us-east-1` }).first().waitFor();
  // From the palette, the picker lists both by their distinct titles.
  await runExactCommand('IAM STS: Forget Session');
  const widget = await waitForQuickInput('Forget Session');
  const labels = await widget.locator('.monaco-list-row').allInnerTexts();
  assert.ok(labels.some((l) => l.includes('Dev (e2e-dev) #2')), labels.join('\n'));
  assert.ok(labels.some((l) => /Dev \(e2e-dev\)(?! #2)/.test(l)), labels.join('\n'));
  assert.ok(labels.every((l) => /issued \d\d:\d\d:\d\d/.test(l)), `each row says when it was issued:\n${labels.join('\n')}`);
  await widget.locator('.monaco-list-row', { hasText: 'Dev (e2e-dev) #2' }).first().click();
  await sidebarRows().filter({ hasText: 'Dev (e2e-dev) #2' }).first().waitFor({ state: 'detached' });
  assert.equal(await sidebarRows().filter({ hasText: 'Dev (e2e-dev)' }).count(), 1, 'the other session stays');
  await dismissToasts();
});

test('Assume Role with Web Identity does not pre-fill the role last assumed with AssumeRole', async () => {
  await runExactCommand('IAM STS: Assume Role with Web Identity…');
  const widget = await waitForQuickInput('Web Identity: role');
  const value = await widget.locator('input').inputValue();
  await vscode.screenshot('web-identity-role');
  assert.equal(value, '', `pre-filled with "${value}"`);
  await closeQuickInput();
});

test('a terminal opened for a session is flagged after a refresh, replaced on request, and marked when the session is forgotten', async () => {
  sts.issueSessionsLasting(3600);
  await showSessionsView();
  await runExactCommand('IAM STS: Assume Role…');
  await pickQuickItem('source credentials', 'short-lived');
  const row = sidebarRows().filter({ hasText: 'Dev (e2e-brief)' }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.hover();
  await row.locator('.action-label[aria-label^="Open Terminal with Session"]').click();
  await page().locator('.part.panel', { hasText: 'AWS Dev (e2e-brief)' }).first().waitFor({ timeout: 30_000 });
  await row.hover();
  await row.locator('.action-label[aria-label^="Refresh Session"]').click();
  const stale = toast('still holds the credentials from before the refresh');
  await vscode.orScreenshot('terminal-stale', () => stale.waitFor({ timeout: 30_000 }));
  await vscode.screenshot('terminal-stale-after-refresh');
  await stale.locator('.monaco-button', { hasText: 'Open a New Terminal' }).click();
  await stale.waitFor({ state: 'detached' });
  // Forgetting the session marks the terminal opened for it.
  await row.hover();
  await row.locator('.action-label[aria-label^="Forget Session"]').click();
  const forgotten = toast('was forgotten, but its terminal still holds its credentials');
  await vscode.orScreenshot('terminal-forgotten', async () => {
    await forgotten.waitFor({ timeout: 30_000 });
    await page().locator('.part.panel', { hasText: '(session forgotten)' }).first().waitFor({ timeout: 30_000 });
  });
  await vscode.screenshot('terminal-marked-forgotten');
  await forgotten.locator('.monaco-button', { hasText: 'Close Terminal' }).click();
  await page().locator('.part.panel', { hasText: '(session forgotten)' }).first().waitFor({ state: 'detached', timeout: 30_000 });
});

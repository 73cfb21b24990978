// Scenario simulation in the real VS Code: a policy saved through the editor breaks a test of
// examples/simulation/dev-workload.iamsim.json; the failure shows in the Problems panel and in
// the Test Explorer; fixing and saving clears both. Then "Simulate Request…" on a policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const TEST_NAME = 'developers read the app data';
let vscode;

before(async () => {
  vscode = await VsCodeSession.start({ name: 'simulation' });
});
after(() => vscode?.stop());

/** Puts the cursor on line:column with Go to Line, selects the word there and types over it. */
async function replaceWordAt(line, column, text) {
  const page = vscode.page;
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press(`${mod}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.keyboard.press(`${mod}+Shift+ArrowRight`);
  await page.keyboard.type(text);
}

async function save(fileName) {
  await vscode.page.keyboard.press(`${mod}+S`);
  // The dirty marker leaves the tab once the save went through.
  await vscode.page.locator(`.tabs-container .tab.active:not(.dirty)[aria-label*="${fileName}"]`).waitFor();
}

/** The Test Explorer row of the test, once it shows the given state (failed / passed). */
async function testRow(state) {
  const page = vscode.page;
  const view = page.locator('.test-explorer');
  if (!(await view.isVisible())) await vscode.runCommand('Testing: Focus on Test Explorer View');
  await view.waitFor({ state: 'visible' });
  const row = view.locator('.monaco-list-row', { hasText: TEST_NAME });
  // The scenario's row starts collapsed: expand it when the test's row is not there yet.
  if (!(await row.first().isVisible())) {
    const fileRow = view.locator('.monaco-list-row', { hasText: 'dev-workload.iamsim.json' }).first();
    await fileRow.waitFor();
    if ((await fileRow.getAttribute('aria-expanded')) === 'false') await fileRow.click();
  }
  const stateful = row.filter({ has: page.locator(`.codicon-testing-${state}-icon`) }).first();
  await stateful.waitFor({ timeout: 60_000 });
  return stateful;
}

test('a saved policy that breaks a scenario fails it in the Problems panel and the Test Explorer; fixing it clears both', async () => {
  await vscode.openFile('simulation/dev-role.json');
  // Starts green: the server ran the workspace's scenarios when it started.
  await vscode.orScreenshot('initial-pass', () => testRow('passed'));
  await vscode.openFile('simulation/dev-role.json');

  // Line 6 is `      "Effect": "Allow",` of the ReadAppData statement.
  await replaceWordAt(6, 18, 'Deny');
  await save('dev-role.json');

  const onTest = await vscode.orScreenshot('problem-on-test', () => vscode.waitForProblem(`Simulation "${TEST_NAME}" failed: expected allowed, got explicitDeny`));
  assert.match(await onTest.innerText(), /IAM STS Studio/);
  const onStatement = await vscode.orScreenshot('problem-on-statement', () => vscode.waitForProblem(`Deny statement decides "${TEST_NAME}"`));
  assert.match(await onStatement.innerText(), /dev-workload\.iamsim\.json/);
  await vscode.screenshot('failure-in-problems');

  const failed = await vscode.orScreenshot('failed-in-test-explorer', () => testRow('failed'));
  assert.match(await failed.innerText(), new RegExp(TEST_NAME));
  await vscode.screenshot('failure-in-test-explorer');

  await vscode.openFile('simulation/dev-role.json');
  await replaceWordAt(6, 18, 'Allow');
  await save('dev-role.json');

  const panel = await vscode.showProblems();
  await vscode.orScreenshot('problems-cleared', () => panel.locator('.monaco-list-row', { hasText: 'SIMULATION_FAILED' }).first().waitFor({ state: 'detached', timeout: 60_000 }));
  assert.ok(!(await vscode.problemsText()).includes('SIMULATION_FAILED'));
  await vscode.orScreenshot('passed-again', () => testRow('passed'));
  await vscode.screenshot('fixed-in-test-explorer');
});

test('Simulate Request… evaluates a request against the open bucket policy and shows the decision', async () => {
  const page = vscode.page;
  await vscode.openFile('simulation/bucket-policy.json');
  await vscode.runCommand('IAM STS: Simulate Request…');
  const input = page.locator('.quick-input-widget input');
  for (const [title, value] of [
    ['Simulate Request: Action', 's3:GetObject'],
    ['Simulate Request: Resource', 'arn:aws:s3:::app-data/report.csv'],
    ['Simulate Request: Principal', 'arn:aws:iam::111122223333:role/Dev'],
    ['Simulate Request: Context (optional)', 'aws:SecureTransport=false'],
  ]) {
    await vscode.orScreenshot(`input-${title}`, () => page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor());
    await input.fill(value);
    await page.keyboard.press('Enter');
  }
  await vscode.orScreenshot('simulation-view', () => page.locator('.tabs-container .tab[aria-label*="Simulation: Explicit deny"]').waitFor({ timeout: 30_000 }));
  // The webview's page sits in an inner frame of the webview's frame.
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await vscode.orScreenshot('simulation-view-content', () => view.locator('.decision', { hasText: 'Explicit deny' }).waitFor({ timeout: 30_000 }));
  assert.match(await view.locator('.summary').innerText(), /bucket-policy\.json statement "DenyPlainHttp" denies s3:GetObject/);
  await vscode.screenshot('simulate-request-result');

  // The deciding statement's link selects it in the policy, the cursor at its first line.
  await view.locator('a', { hasText: 'statement "DenyPlainHttp"' }).click();
  await vscode.orScreenshot('reveal-statement', () => page.locator('.statusbar-item', { hasText: /Ln 4, Col 5 \(\d+ selected\)/ }).first().waitFor({ timeout: 30_000 }));
  await vscode.screenshot('simulate-request-revealed');
});

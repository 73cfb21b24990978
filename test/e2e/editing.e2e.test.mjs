// Editing help in the real VS Code: trust-policy warnings, hover, the quick fix that selects
// its placeholder, and the policy-kind status bar.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';

const EXTERNAL_ID = 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL';
const MFA = 'MISSING_MFA_FOR_HUMAN_PRINCIPAL';

let vscode;

before(async () => {
  vscode = await VsCodeSession.start({ name: 'editing' });
});
after(() => vscode?.stop());

/** The visible editor's text, line by line as Monaco renders it (non-breaking spaces made plain). */
async function editorText() {
  const lines = await vscode.page.locator('.editor-instance .monaco-editor .view-lines .view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** The rendered token of the active editor that holds `text`. */
function token(text) {
  return vscode.page.locator('.editor-instance .monaco-editor .view-lines .view-line span span', { hasText: text }).first();
}

test('shows the ExternalId and MFA warnings of the vendor trust policy in the Problems panel', async () => {
  await vscode.openFile('trust/vendor-role-trust.json');
  await vscode.orScreenshot('trust-warnings', async () => {
    await vscode.waitForProblem(EXTERNAL_ID);
    await vscode.waitForProblem(MFA);
  });
  const ours = await vscode.ourProblems();
  assert.ok(ours.some((r) => r.includes(EXTERNAL_ID)), ours.join('\n'));
  assert.ok(ours.some((r) => r.includes(MFA)), ours.join('\n'));
  await vscode.screenshot('trust-warnings');
});

test('says in the status bar that the file is a trust policy', async () => {
  const item = vscode.page.locator('.statusbar-item', { hasText: 'IAM: trust policy' });
  await vscode.orScreenshot('kind-status', () => item.waitFor({ timeout: 30_000 }));
  await vscode.screenshot('kind-status');
});

test('hovering an action shows its access level', async () => {
  const page = vscode.page;
  await vscode.orScreenshot('hover-action', async () => {
    await token('AssumeRole').hover();
    await page.locator('.monaco-hover', { hasText: 'Access level' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });
  const hoverText = await page.locator('.monaco-hover', { hasText: 'Access level' }).first().innerText();
  assert.match(hoverText, /sts:AssumeRole/);
  assert.match(hoverText, /Access level: Write/);
  await vscode.screenshot('hover-action');
  await page.keyboard.press('Escape');
});

test('the ExternalId quick fix adds the condition, selects the placeholder and clears the warning', async () => {
  const page = vscode.page;
  await vscode.orScreenshot('quick-fix', async () => {
    // The warning sits on the principal ARN: put the cursor there and open the quick fixes.
    await token('444455556666').click();
    // Clicking also hovers the token: close the hover so the shortcut reaches the editor.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover').first().waitFor({ state: 'hidden' });
    const fix = await vscode.openQuickFix('Require an sts:ExternalId');
    await vscode.screenshot('quick-fix-menu');
    await fix.click();
    // The placeholder is selected (the status bar counts the selected characters): typing replaces it.
    await token('EXTERNAL_ID').waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: `(${'EXTERNAL_ID'.length} selected)` }).waitFor({ timeout: 30_000 });
    await page.keyboard.type('vendor-issued-id');
    await token('vendor-issued-id').waitFor();
  });
  const text = await editorText();
  assert.match(text, /"sts:ExternalId": "vendor-issued-id"/);
  await vscode.orScreenshot('quick-fix-cleared', async () => {
    const panel = await vscode.showProblems();
    await panel.locator('.monaco-list-row', { hasText: EXTERNAL_ID }).first().waitFor({ state: 'detached', timeout: 30_000 });
  });
  const ours = await vscode.ourProblems();
  assert.ok(!ours.some((r) => r.includes(EXTERNAL_ID)), ours.join('\n'));
  await vscode.screenshot('quick-fix-applied');
});

test('choosing another kind from the status bar revalidates the file as that kind', async () => {
  const page = vscode.page;
  await vscode.orScreenshot('choose-kind', async () => {
    await page.locator('.statusbar-item', { hasText: 'IAM: trust policy' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'identity policy' }).first().click();
    await page.locator('.statusbar-item', { hasText: 'IAM: identity policy' }).waitFor({ timeout: 30_000 });
    // An identity policy names no Principal.
    await vscode.waitForProblem('Principal');
  });
  await vscode.screenshot('kind-identity');
  await vscode.runCommand('IAM STS: Choose Policy Kind…');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Detect automatically' }).first().click();
  await page.locator('.statusbar-item', { hasText: 'IAM: trust policy' }).waitFor({ timeout: 30_000 });
});

test('completes the actions of a service inside an Action string', async () => {
  const page = vscode.page;
  writeFileSync(
    path.join(vscode.workspace, 'policies', 'completion-check.json'),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Resource": "*",\n      "Action": "s3:"\n    }\n  ]\n}\n',
  );
  await vscode.openFile('policies/completion-check.json');
  await vscode.orScreenshot('completion', async () => {
    await token('s3:').click();
    // Just before the closing quote of "s3:".
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('GetObjectAtt');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 's3:GetObjectAttributes' }).first();
    await row.waitFor({ timeout: 30_000 });
    await vscode.screenshot('completion-actions');
    await row.click();
    await token('GetObjectAttributes').waitFor();
  });
  assert.match(await editorText(), /"Action": "s3:GetObjectAttributes"\n/);
});


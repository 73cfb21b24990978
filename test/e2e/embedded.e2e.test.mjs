// Policies inside a CloudFormation template and a Terraform file, in the real VS Code: the
// cross-account warning on the right line, hover on an action, and quick fixes that write the
// host's own syntax (a YAML condition at the file's indentation, an HCL condition block).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';

const EXTERNAL_ID = 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL';

let vscode;

before(async () => {
  vscode = await VsCodeSession.start({ name: 'embedded' });
});
after(() => vscode?.stop());

/**
 * The visible editor's text, line by line (non-breaking spaces made plain). Monaco appends the
 * lines an edit inserts to the end of its line elements: they are put in order by their position.
 */
async function editorText() {
  const lines = await vscode.page
    .locator('.editor-instance .monaco-editor .view-lines .view-line')
    .evaluateAll((els) => els.map((e) => [parseFloat(e.style.top), e.innerText]));
  return lines
    .sort((a, b) => a[0] - b[0])
    .map((l) => l[1])
    .join('\n')
    .replace(/\u00a0/g, ' ');
}

/** The rendered token of the active editor that holds `text`. */
function token(text) {
  return vscode.page.locator('.editor-instance .monaco-editor .view-lines .view-line span span', { hasText: text }).first();
}

/** Puts the cursor at `line:column` (Go to Line), opens the quick fixes and applies the one titled `title`. */
async function applyQuickFix(line, column, title) {
  const page = vscode.page;
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover').first().waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // Quick Open with `:` goes to a line and column of the active editor.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 30_000 });
  const fix = await vscode.openQuickFix(title);
  await fix.click();
  await token('EXTERNAL_ID').waitFor({ timeout: 30_000 });
}

async function waitUntilCleared(code) {
  const panel = await vscode.showProblems();
  await panel.locator('.monaco-list-row', { hasText: code }).first().waitFor({ state: 'detached', timeout: 30_000 });
}

test('a YAML template: the ExternalId warning sits on the principal line (16)', async () => {
  await vscode.openFile('cloudformation/vendor-role.yaml');
  const row = await vscode.orScreenshot('yaml-warning', () => vscode.waitForProblem(EXTERNAL_ID));
  assert.match(await row.innerText(), /Ln 16, Col 20/);
  await vscode.screenshot('yaml-warning');
});

test('hover on an action inside the template shows its access level', async () => {
  const page = vscode.page;
  await vscode.orScreenshot('yaml-hover', async () => {
    // The template's code lenses add a line above each policy when they arrive: hovering before
    // them would leave the pointer on the line they push under it.
    await vscode.waitForCodeLens('IAM trust policy');
    await token('sts:AssumeRole').hover();
    await page.locator('.monaco-hover', { hasText: 'Access level' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });
  const hoverText = await page.locator('.monaco-hover', { hasText: 'Access level' }).first().innerText();
  assert.match(hoverText, /sts:AssumeRole/);
  assert.match(hoverText, /Access level: Write/);
  await page.keyboard.press('Escape');
});

test("clicking the trust policy's code lens lists its findings, and choosing one goes to it", async () => {
  const page = vscode.page;
  // The previous step's hover would cover the lens: move the mouse away and let it close.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover').first().waitFor({ state: 'hidden' });
  const lens = await vscode.orScreenshot('lens', () => vscode.waitForCodeLens('IAM trust policy: 2 findings'));
  await lens.click();
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  // The lens's list, not the command palette that waitForCodeLens used a moment before (its rows
  // can still be there, without a title): wait for this list's title first, then its rows.
  const titled = page.locator('.quick-input-widget .quick-input-title', { hasText: 'IAM trust policy' });
  await vscode.orScreenshot('lens-pick', async () => {
    await titled.waitFor({ timeout: 30_000 });
    await rows.nth(1).waitFor({ timeout: 30_000 });
  });
  const title = await titled.innerText();
  assert.match(title, /VendorRole\.AssumeRolePolicyDocument \(IAM trust policy\): 2 findings/);
  const texts = await rows.evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ')));
  assert.equal(texts.length, 2, texts.join('\n'));
  assert.ok(texts.some((t) => t.includes(EXTERNAL_ID) && t.includes('Warning, line 16') && t.includes('sts:ExternalId')), texts.join('\n'));
  assert.ok(texts.some((t) => t.includes('MISSING_MFA_FOR_HUMAN_PRINCIPAL') && t.includes('line 16')), texts.join('\n'));
  await vscode.screenshot('lens-findings');
  await rows.filter({ hasText: EXTERNAL_ID }).first().click();
  // The finding's range is selected: the cursor sits at its end, the status bar counts the selection.
  await vscode.orScreenshot('lens-reveal', () => page.locator('.statusbar-item', { hasText: /Ln 16, Col \d+ \(\d+ selected\)/ }).waitFor({ timeout: 30_000 }));
});

test('the quick fix inserts a YAML condition at the template\'s indentation and clears the warning', async () => {
  await vscode.orScreenshot('yaml-fix', () => applyQuickFix(16, 30, 'Require an sts:ExternalId'));
  const text = await editorText();
  assert.ok(text.includes('            Action: sts:AssumeRole\n            Condition:\n              StringEquals:\n                sts:ExternalId: "EXTERNAL_ID"'), text);
  await vscode.orScreenshot('yaml-fix-cleared', () => waitUntilCleared(EXTERNAL_ID));
  await vscode.screenshot('yaml-fix-applied');
});

test('a .tf file: the warning on the identifiers line (8), and the quick fix adds an HCL condition block', async () => {
  await vscode.openFile('terraform/main.tf');
  // The template's warning is gone: the one row is the .tf file's.
  const row = await vscode.orScreenshot('tf-warning', () => vscode.waitForProblem(EXTERNAL_ID));
  assert.match(await row.innerText(), /Ln 8, Col 22/);
  await vscode.orScreenshot('tf-fix', () => applyQuickFix(8, 30, 'Require an sts:ExternalId'));
  const text = await editorText();
  assert.ok(text.includes('    }\n\n    condition {\n      test     = "StringEquals"\n      variable = "sts:ExternalId"\n      values   = ["EXTERNAL_ID"]\n    }\n  }'), text);
  await vscode.orScreenshot('tf-fix-cleared', () => waitUntilCleared(EXTERNAL_ID));
  await vscode.screenshot('tf-fix-applied');
});

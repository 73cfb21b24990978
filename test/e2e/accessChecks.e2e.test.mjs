// The custom policy checks in the real VS Code: a committed policy edited to add s3:PutObject
// gets the "new access" diagnostic on save, naming s3:PutObject, and a "Compare access with
// HEAD" code lens; a bucket policy open to "*" shows the public-access warning.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
let vscode;

const committed = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::app-data/*"
    }
  ]
}
`;

// Typed with auto-closing and auto-indent off, so the editor holds exactly these lines.
const edited = [
  '{',
  '"Version": "2012-10-17",',
  '"Statement": [',
  '{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::app-data/*"},',
  '{"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::app-data/*"}',
  ']',
  '}',
].join('\n');

before(async () => {
  vscode = await VsCodeSession.start({
    name: 'access-checks',
    settings: {
      'editor.autoClosingBrackets': 'never',
      'editor.autoClosingQuotes': 'never',
      'editor.autoIndent': 'none',
      'editor.autoSurround': 'never',
      'editor.formatOnType': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': false,
      'editor.acceptSuggestionOnCommitCharacter': false,
      'files.insertFinalNewline': false,
    },
  });
  // The workspace becomes a git repository with the policy committed.
  const dir = path.join(vscode.workspace, 'checks');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'app-role.json'), committed);
  const git = (...args) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { cwd: vscode.workspace });
  git('init', '-q');
  git('add', 'checks/app-role.json');
  git('commit', '-q', '-m', 'app role');
});
after(() => vscode?.stop());

test('saving a committed policy that now allows s3:PutObject shows the new-access diagnostic on the new statement', async () => {
  const page = vscode.page;
  await vscode.openFile('checks/app-role.json');
  await vscode.orScreenshot('new-access', async () => {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press(`${mod}+A`);
    await page.keyboard.press('Delete');
    await page.keyboard.type(edited);
    await page.keyboard.press(`${mod}+S`);
    await page.locator('.tabs-container .tab.active:not(.dirty)[aria-label*="app-role.json"]').waitFor();
    const row = await vscode.waitForProblem('Compared with HEAD');
    const text = await row.innerText();
    assert.match(text, /s3:PutObject/);
    assert.match(text, /NEW_ACCESS_VS_HEAD/);
    // The statement "Write" is on line 5.
    assert.match(text, /\[Ln 5, Col 1\]/);
    assert.doesNotMatch(text, /s3:GetObject\b/);
    // What was typed is the whole, valid policy: no JSON syntax problem beside it.
    assert.doesNotMatch(await vscode.problemsText(), /expected/i);
  });
  await vscode.screenshot('new-access');
});

test('the edited policy offers "Compare access with HEAD"', async () => {
  await vscode.orScreenshot('code-lens', () => vscode.waitForCodeLens('Compare access with HEAD'));
  await vscode.screenshot('code-lens');
});

test('a bucket policy granting "*" with no condition shows the public-access warning', async () => {
  writeFileSync(
    path.join(vscode.workspace, 'checks', 'site-bucket-policy.json'),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }] }, null, 2),
  );
  await vscode.openFile('checks/site-bucket-policy.json');
  const row = await vscode.orScreenshot('public-access', () => vscode.waitForProblem('RESOURCE_POLICY_GRANTS_PUBLIC_ACCESS'));
  assert.match(await row.innerText(), /Public access/);
  await vscode.screenshot('public-access');
});

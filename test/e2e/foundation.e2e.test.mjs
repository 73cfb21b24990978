import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';

let vscode;

before(async () => {
  vscode = await VsCodeSession.start({ name: 'foundation' });
});
after(() => vscode?.stop());

test('activates on opening a policy and shows its grammar error in the Problems panel', async () => {
  await vscode.openFile('policies/broken-effect.json');
  const row = await vscode.waitForProblem('The effect "Alow" is not valid');
  const text = await row.innerText();
  // The code renders as a link to its documentation, so it sits on a line of its own.
  assert.match(text, /IAM STS Studio\s*\(?INVALID_EFFECT/);
  const shot = await vscode.screenshot('broken-effect-problem');
  assert.ok(existsSync(shot));
});

test('reports the language server running through the command palette', async () => {
  await vscode.runCommand('IAM STS: Show Language Server Status');
  await vscode.page.locator('.notifications-toasts', { hasText: 'language server: running' }).waitFor();
  await vscode.screenshot('server-status');
});

test('leaves a plain package.json without any diagnostic of ours', async () => {
  await vscode.openFile('package.json');
  // A policy opened afterwards is validated after package.json: once its diagnostic shows,
  // package.json's validation is done.
  writeFileSync(path.join(vscode.workspace, 'policies', 'second-typo.json'), '{"Statement": [{"Effect": "allow", "Action": "s3:*", "Resource": "*"}]}');
  await vscode.openFile('policies/second-typo.json');
  await vscode.waitForProblem('second-typo.json');
  await vscode.waitForProblem('The effect "allow" is not valid');
  const ours = await vscode.ourProblems();
  const problems = await vscode.problemsText();
  assert.doesNotMatch(problems.split('second-typo.json')[0].split('package.json')[1] ?? '', /IAM STS Studio/);
  assert.ok(ours.length >= 1);
  await vscode.openFile('package.json');
  await vscode.screenshot('package-json-clean');
});

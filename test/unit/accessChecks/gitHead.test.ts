// Reading a policy's committed text for "no new access vs HEAD": only inside the workspace's repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { committedText } from '../../../client/src/accessChecks/gitHead';

function repo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-git-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
  git('init', '-q');
  mkdirSync(path.join(dir, 'policies'));
  writeFileSync(path.join(dir, 'policies', 'role.json'), '{"committed": true}');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  writeFileSync(path.join(dir, 'policies', 'role.json'), '{"committed": false}');
  return dir;
}

test('a tracked file in the workspace repository reads as committed, not as on disk', async () => {
  const dir = repo();
  assert.equal(await committedText(path.join(dir, 'policies', 'role.json'), [dir]), '{"committed": true}');
});

test('a workspace folder below the repository root still finds the file', async () => {
  const dir = repo();
  assert.equal(await committedText(path.join(dir, 'policies', 'role.json'), [path.join(dir, 'policies')]), '{"committed": true}');
});

test('a new, untracked file has no committed text', async () => {
  const dir = repo();
  writeFileSync(path.join(dir, 'policies', 'new.json'), '{}');
  assert.equal(await committedText(path.join(dir, 'policies', 'new.json'), [dir]), null);
});

test('a file outside every workspace folder, or outside any repository, is not read', async () => {
  const dir = repo();
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'iamsts-nogit-'));
  writeFileSync(path.join(elsewhere, 'p.json'), '{}');
  assert.equal(await committedText(path.join(dir, 'policies', 'role.json'), [elsewhere]), undefined);
  assert.equal(await committedText(path.join(elsewhere, 'p.json'), [elsewhere]), undefined);
});

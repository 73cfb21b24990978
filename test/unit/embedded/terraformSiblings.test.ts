// A .tf file's module is the other .tf files of its folder, and the folder is workspace content:
// whatever it holds under a .tf name (a FIFO, a link to /dev/zero, a folder, a huge file), only
// regular files within the size bound are read, and nothing blocks. Run in a child process: a
// synchronous read of a FIFO would block this test process itself, and its timeout with it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE } from '../../../server/src/analysis/problem';

const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-tf-siblings-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a module folder with a FIFO, a link to /dev/zero, a folder and a huge file under .tf names: only its regular files are read, at once', () => {
  writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_iam_role" "r" {}\n');
  writeFileSync(path.join(dir, 'policies.tf'), 'data "aws_iam_policy_document" "d" {}\n');
  execFileSync('mkfifo', [path.join(dir, 'fifo.tf')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero.tf'));
  mkdirSync(path.join(dir, 'folder.tf'));
  writeFileSync(path.join(dir, 'huge.tf'), `locals { x = "${'a'.repeat(DEFAULT_MAX_FILE_SIZE)}" }\n`);
  const siblings = path.resolve(__dirname, '../../../server/src/embedded/terraform/siblings.ts');
  const script = `const { siblingTerraformTexts } = require(${JSON.stringify(siblings)}); console.log(JSON.stringify(siblingTerraformTexts(${JSON.stringify(path.join(dir, 'main.tf'))})));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.error, undefined, 'reading the siblings did not end');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ['data "aws_iam_policy_document" "d" {}\n']);
});

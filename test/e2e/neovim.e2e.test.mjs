// The second real editor: Neovim 0.7 (Debian's package), headless, starts `node dist/server.js
// --stdio` with vim.lsp.start_client as a user's config does (neovim/lsp-check.lua), opens a
// cross-account trust policy and a CloudFormation template whose role trusts another account,
// and gets the ExternalId warning and a hover on the action in each.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureNeovim, NVIM } from '../../scripts/neovim.mjs';
import { root } from '../../scripts/real-vscode.mjs';

const server = path.join(root, 'dist', 'server.js');
const work = mkdtempSync(path.join(tmpdir(), 'iam-nvim-'));
after(() => rmSync(work, { recursive: true, force: true }));

let results;
let policyText;
let templateText;
let policy;
let template;

before(async () => {
  ensureNeovim();
  assert.ok(existsSync(server), 'dist/server.js is missing: run npm run build first');
  policy = path.join(work, 'partner-trust-policy.json');
  policyText = `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }] }, null, 2)}\n`;
  writeFileSync(policy, policyText);
  template = path.join(work, 'vendor-role.yaml');
  templateText = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: A role a vendor account assumes.',
    'Resources:',
    '  VendorRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Principal:',
    '              AWS: arn:aws:iam::777788889999:root',
    '            Action: sts:AssumeRole',
    '',
  ].join('\n');
  writeFileSync(template, templateText);
  const files = [
    { path: policy, filetype: 'json', hover: 'sts:AssumeRole' },
    { path: template, filetype: 'yaml', hover: 'sts:AssumeRole' },
  ];
  const out = path.join(work, 'results.json');
  const child = spawn(NVIM, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(root, 'test', 'e2e', 'neovim', 'lsp-check.lua')}`], {
    cwd: work,
    env: { ...process.env, IAM_NVIM_OUT: out, IAM_NVIM_FILES: JSON.stringify(files), IAM_NVIM_SERVER: server, XDG_STATE_HOME: work, XDG_DATA_HOME: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  // The Lua quits by itself after at most 30 s; this only guards against a Neovim that hangs.
  const code = await new Promise((resolve) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('exit', (c) => {
      clearTimeout(guard);
      resolve(c);
    });
  });
  assert.ok(existsSync(out), `Neovim (exit ${code}) wrote no results: ${output}`);
  results = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(results.errors, [], output);
});

function externalIdFinding(file) {
  const diagnostics = results.files[file]?.diagnostics ?? [];
  const finding = diagnostics.find((d) => d.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL');
  assert.ok(finding, JSON.stringify(diagnostics.map((d) => d.code)));
  return finding;
}

function hoverText(file) {
  const contents = results.files[file]?.hover?.contents;
  return typeof contents === 'string' ? contents : (contents?.value ?? JSON.stringify(contents));
}

const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle));

test('Neovim shows the missing-ExternalId warning on a cross-account trust policy', () => {
  const finding = externalIdFinding(policy);
  assert.match(finding.message, /444455556666/);
  // On the principal's account ARN.
  assert.equal(finding.range.start.line, lineOf(policyText, 'arn:aws:iam::444455556666:root'));
});

test('Neovim gets a hover on the action that says what sts:AssumeRole does', () => {
  const text = hoverText(policy);
  assert.match(text, /AssumeRole/);
  assert.match(text, /temporary security credentials/i);
});

test("Neovim shows the missing-ExternalId warning on a YAML template's role trust, on the principal's line", () => {
  const finding = externalIdFinding(template);
  assert.match(finding.message, /777788889999/);
  assert.equal(finding.range.start.line, lineOf(templateText, 'arn:aws:iam::777788889999:root'));
});

test("Neovim gets a hover on the template's action", () => {
  const text = hoverText(template);
  assert.match(text, /AssumeRole/);
  assert.match(text, /temporary security credentials/i);
});

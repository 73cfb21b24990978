// The npm package (packages/iam-sts) as a user gets it: packed, installed from the tarball into
// an empty project without the network, then its two commands run from node_modules/.bin.
// Needs the bundles in dist/ (npm run build or npm run package).
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(__dirname, '../..');
const trustPolicy = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }] },
  null,
  2,
);
let work = '';
let bin = '';

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'iam-sts-npm-'));
  const { fillPackage, packPackage } = (await import(path.join(root, 'scripts', 'npm-package.mjs'))) as {
    fillPackage: () => void;
    packPackage: (dest: string) => string;
  };
  fillPackage();
  const tarball = packPackage(path.join(work, 'pack'));
  const project = path.join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
  // --offline: the install must need no registry, which holds only if the package declares no dependency.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', path.join(work, 'npm-cache'), tarball], { cwd: project, stdio: 'pipe' });
  bin = path.join(project, 'node_modules', '.bin');
  writeFileSync(path.join(project, 'trust.json'), trustPolicy);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the installed package declares no runtime dependency and holds both commands', () => {
  const installed = JSON.parse(readFileSync(path.join(bin, '..', 'iam-sts', 'package.json'), 'utf8')) as { dependencies?: object; bin: Record<string, string> };
  assert.equal(installed.dependencies, undefined);
  assert.deepEqual(Object.keys(installed.bin).sort(), ['iam-sts', 'iam-sts-language-server']);
});

test('iam-sts lint from the tarball reports the missing ExternalId of a cross-account trust policy', () => {
  const run = spawnSync(path.join(bin, 'iam-sts'), ['lint', '--kind', 'trust', '--format', 'json', 'trust.json'], { cwd: path.join(bin, '..', '..'), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const files = JSON.parse(run.stdout) as Array<{ findings: Array<{ code: string }> }>;
  assert.ok(files[0].findings.some((f) => f.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'), run.stdout);
});

test('iam-sts-language-server --stdio from the tarball answers initialize and publishes diagnostics for an opened trust policy', async () => {
  const child = spawn(path.join(bin, 'iam-sts-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = 'file:///project/trust-policy.json';
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri) resolve(p);
    }),
  );
  connection.listen();
  try {
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.ok(init.capabilities.hoverProvider, 'the server offers hovers');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text: trustPolicy } });
    const diagnostics = (await published).diagnostics;
    assert.ok(
      diagnostics.some((d) => d.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'),
      `${JSON.stringify(diagnostics.map((d) => d.code))} ${stderr}`,
    );
    const line = trustPolicy.split('\n').findIndex((l) => l.includes('sts:AssumeRole'));
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: trustPolicy.split('\n')[line].indexOf('sts:') + 5 } });
    assert.match(JSON.stringify(hover?.contents), /AssumeRole/);
  } finally {
    connection.dispose();
    child.kill();
  }
});

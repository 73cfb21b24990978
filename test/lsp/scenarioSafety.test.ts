// A workspace cannot disable the language server through a scenario: one naming /dev/zero, a
// FIFO, /etc/passwd or a path out of the folder gets refusals on those paths, and every other
// document keeps getting its diagnostics.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { URI } from 'vscode-uri';
import { InitializedNotification, InitializeRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestLanguageClient } from './lspClient';

let client: TestLanguageClient;
let base: string;
let folder: string;
const paths = ['/dev/zero', './fifo.json', '/etc/passwd', '../../x.json', './escape.json'];
let scenarioDiagnostics: Promise<PublishDiagnosticsParams>;

before(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'iamsts-hostile-'));
  folder = path.join(base, 'ws');
  mkdirSync(folder);
  writeFileSync(path.join(base, 'secret.json'), '{"Statement": []}');
  symlinkSync(path.join(base, 'secret.json'), path.join(folder, 'escape.json'));
  execFileSync('mkfifo', [path.join(folder, 'fifo.json')]);
  writeFileSync(
    path.join(folder, 'hostile.iamsim.json'),
    JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', policies: { identity: paths }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] }, null, 2),
  );
  client = new TestLanguageClient({ hostReportsJsonSyntax: true });
  const scenarioUri = URI.file(path.join(folder, 'hostile.iamsim.json')).toString();
  scenarioDiagnostics = new Promise((resolve) => {
    const wait = () => void client.nextDiagnostics(scenarioUri).then((p) => (p.diagnostics.length > 0 ? resolve(p) : wait()));
    wait();
  });
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { hostReportsJsonSyntax: true },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
});
after(async () => {
  await client.stop();
  rmSync(base, { recursive: true, force: true });
});

test('refuses every hostile path of a scenario, with the reason on the path string', async () => {
  const { diagnostics } = await scenarioDiagnostics;
  const reasons = diagnostics.filter((d) => d.code === 'SCENARIO_ERROR').map((d) => d.message);
  assert.equal(reasons.length, paths.length, reasons.join('\n'));
  assert.equal(reasons.filter((m) => /outside the workspace folder/.test(m)).length, 4, reasons.join('\n'));
  assert.equal(reasons.filter((m) => /fifo\.json .*not a regular file/.test(m)).length, 1, reasons.join('\n'));
  const lines = diagnostics.map((d) => d.range.start.line).sort((a, b) => a - b);
  assert.deepEqual(lines, [4, 5, 6, 7, 8]); // one per path string of "identity"
});

test('other documents keep getting diagnostics, promptly', async () => {
  const started = Date.now();
  const diagnostics = await client.open(URI.file(path.join(folder, 'p.json')).toString(), '{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}');
  assert.deepEqual(diagnostics.map((d) => d.code), ['INVALID_EFFECT']);
  assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  assert.equal(client.exited, false);
});

test('a scenario nested 100,000 levels deep gets a diagnostic, and the server stays up', async () => {
  const uri = URI.file(path.join(folder, 'deep.iamsim.json')).toString();
  const text = `{"principal": "arn:aws:iam::111122223333:role/R", "tests": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    const wait = () => void client.nextDiagnostics(uri).then((p) => (p.diagnostics.some((d) => d.code === 'SCENARIO_ERROR') ? resolve(p) : wait()));
    wait();
  });
  await client.open(uri, text);
  const { diagnostics } = await published;
  assert.match(diagnostics.find((d) => d.code === 'SCENARIO_ERROR')!.message, /^The scenario nests deeper than 72 levels/);
  assert.equal(client.exited, false);
});

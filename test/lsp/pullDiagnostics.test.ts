// A client that declares LSP 3.17 pull diagnostics (as vscode-languageclient does) asks for them
// with textDocument/diagnostic and is told to ask again with workspace/diagnostic/refresh; it is
// never sent publishDiagnostics for the documents it has open. Push clients are in every other file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { policyWithStatements } from '../unit/robustness/generated';
import { TestLanguageClient } from './lspClient';

const examples = path.resolve(__dirname, '../../examples');
let client: TestLanguageClient;
let folder: string;
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
const broken = '{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}';

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', JSON.stringify(report));
  return report as FullDocumentDiagnosticReport;
}
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'iamsts-pull-'));
  cpSync(path.join(examples, 'simulation'), folder, { recursive: true });
  client = new TestLanguageClient({ hostReportsJsonSyntax: true }, {}, { pull: true, workspaceFolder: folder });
  await client.start();
});
after(async () => {
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('declares a diagnostic provider to a client that can pull, none to one that only takes pushes', async () => {
  const capabilities = (client.initializeResult as { capabilities: { diagnosticProvider?: { interFileDependencies: boolean } } }).capabilities;
  assert.equal(capabilities.diagnosticProvider?.interFileDependencies, true);
  const pushOnly = new TestLanguageClient();
  await pushOnly.start();
  assert.equal((pushOnly.initializeResult as { capabilities: { diagnosticProvider?: unknown } }).capabilities.diagnosticProvider, undefined);
  await pushOnly.stop();
});

test('answers a pull with the diagnostics of the version open, and unchanged for the same version', async () => {
  const uri = uriOf('pulled.json');
  await client.openOnly(uri, broken);
  const first = full(await client.pull(uri));
  assert.deepEqual(codes(first.items), ['INVALID_EFFECT']);
  assert.ok(first.resultId);
  assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
  await client.changeOnly(uri, broken.replace('Alow', 'Allow'));
  const fixed = full(await client.pull(uri, first.resultId));
  assert.deepEqual(fixed.items, []);
  assert.notEqual(fixed.resultId, first.resultId);
});

test('asks the client to pull again after a settings change; the pull shows the new severity', async () => {
  const uri = uriOf('settings.json');
  await client.openOnly(uri, broken);
  const before = full(await client.pull(uri));
  assert.equal(before.items[0].severity, 1);
  client.settings = { diagnostics: { INVALID_EFFECT: 'hint' } };
  const refreshed = client.nextRefresh();
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await refreshed;
  const after = full(await client.pull(uri, before.resultId));
  assert.deepEqual(codes(after.items), ['INVALID_EFFECT']);
  assert.equal(after.items[0].severity, 4);
  client.settings = {};
  const back = client.nextRefresh();
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await back;
});

test('settings read again and found unchanged ask for no refresh, and the pull after them is unchanged', async () => {
  const uri = uriOf('same-settings.json');
  await client.openOnly(uri, broken);
  const first = full(await client.pull(uri));
  const refreshesBefore = client.refreshes;
  // What the client sends at start-up and at any settings change: the server reads the settings again.
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  // A request answered after the notification was handled (the server reads settings with a request of its own).
  const again = full(await client.pull(uriOf('settings.json')));
  assert.ok(again.resultId);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(client.refreshes, refreshesBefore, 'unchanged settings asked the client to pull every document again');
  assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
});

test("a scenario run that changes another open document's diagnostics asks for a refresh", async () => {
  const scenarioUri = uriOf('dev-workload.iamsim.json');
  const policyUri = uriOf('dev-role.json');
  const policy = readFileSync(path.join(folder, 'dev-role.json'), 'utf8');
  await client.openOnly(scenarioUri, readFileSync(path.join(folder, 'dev-workload.iamsim.json'), 'utf8'));
  await client.openOnly(policyUri, policy);
  const passing = full(await client.pull(scenarioUri));
  assert.deepEqual(codes(passing.items).filter((c) => c === 'SIMULATION_FAILED'), []);
  // The policy's edit fails the scenario's tests: the scenario's own text did not change.
  let refreshed = client.nextRefresh();
  await client.changeOnly(policyUri, policy.replace('"Effect": "Allow"', '"Effect": "Deny"'));
  let failing: Diagnostic[] = [];
  for (let refreshes = 0; refreshes < 5 && failing.length === 0; refreshes++) {
    await refreshed;
    refreshed = client.nextRefresh();
    const report = await client.pull(scenarioUri, passing.resultId);
    if (report.kind === 'full') failing = report.items.filter((d) => d.code === 'SIMULATION_FAILED');
  }
  assert.ok(failing.length > 0, 'no refresh brought the failed tests');
});

test('a pull made stale by an edit is answered with a cancellation, the next pull with the new version', async () => {
  const uri = uriOf('stale.json');
  const large = policyWithStatements(3000);
  await client.openOnly(uri, large);
  const source = new CancellationTokenSource();
  const stale = client.pull(uri, undefined, source.token);
  await client.changeOnly(uri, broken);
  source.cancel();
  await assert.rejects(stale, (e: unknown) => e instanceof ResponseError && (e.code === LSPErrorCodes.RequestCancelled || e.code === LSPErrorCodes.ServerCancelled));
  assert.deepEqual(codes(full(await client.pull(uri)).items), ['INVALID_EFFECT']);
});

test('sends a pull client no publishDiagnostics for the documents it has open, nor when it closes them', async () => {
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf('pulled.json') } });
  // Answered after the close was handled.
  full(await client.pull(uriOf('settings.json')));
  const open = new Set(['pulled.json', 'settings.json', 'dev-workload.iamsim.json', 'dev-role.json', 'stale.json'].map(uriOf));
  assert.deepEqual(client.published.filter((p) => open.has(p.uri)), []);
});

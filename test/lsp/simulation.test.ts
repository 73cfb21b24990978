// Scenario simulation through the language server over stdio: a temp workspace folder with the
// examples/simulation scenario, runs at start, on edits, on saves and on files changed on disk.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { URI } from 'vscode-uri';
import {
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { runSimulationsRequest, simulateRequestRequest, simulationDefaultsRequest, simulationResultsNotification, type SimulationResults } from '../../server/src/protocol';
import { TestLanguageClient } from './lspClient';

const examples = path.resolve(__dirname, '../../examples/simulation');
let client: TestLanguageClient;
let folder: string;
const results: SimulationResults[] = [];
const resultWaiters: Array<{ match: (r: SimulationResults) => boolean; resolve: (r: SimulationResults) => void }> = [];

const uriOf = (name: string) => URI.file(path.join(folder, name)).toString();
const textOf = (name: string) => readFileSync(path.join(folder, name), 'utf8');
const failures = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'SIMULATION_FAILED');

/** Resolves with the next simulation results for `uri` that satisfy `match`. */
function nextResults(uri: string, match: (r: SimulationResults) => boolean = () => true): Promise<SimulationResults> {
  return new Promise((resolve) => resultWaiters.push({ match: (r) => r.uri === uri && match(r), resolve }));
}

/** Resolves with the first diagnostics published for `uri` that satisfy `match` (call before acting). */
async function diagnosticsWhere(uri: string, match: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (;;) {
    const published = await client.nextDiagnostics(uri);
    if (match(published.diagnostics)) return published.diagnostics;
  }
}

before(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'iamsts-sim-lsp-'));
  cpSync(examples, folder, { recursive: true });
  client = new TestLanguageClient({ hostReportsJsonSyntax: true });
  client.connection.onNotification('window/logMessage', (m: { message: string }) => console.error('LOG', m.message));
  client.connection.onNotification(simulationResultsNotification, (r) => {
    results.push(r);
    for (const w of [...resultWaiters]) {
      if (w.match(r)) {
        resultWaiters.splice(resultWaiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  });
  const firstRun = nextResults(uriOf('dev-workload.iamsim.json'));
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'sim' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { hostReportsJsonSyntax: true },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await firstRun;
});
after(async () => {
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('finds the scenario in the workspace folder at start and runs every test', () => {
  const first = results.find((r) => r.uri === uriOf('dev-workload.iamsim.json'));
  assert.ok(first);
  assert.equal(first.tests.length, 6);
  assert.deepEqual(first.tests.filter((t) => !t.pass).map((t) => t.name), []);
  assert.equal(first.tests[0].decision, 'allowed');
  assert.match(first.tests[0].explanation?.summary ?? '', /dev-role\.json statement "ReadAppData" allows s3:GetObject/);
  assert.equal(first.tests[0].explanation?.decidedBy[0].uri, uriOf('dev-role.json'));
  assert.equal(first.tests[0].range.start.line, 9);
});

test('a failing expectation marks the scenario test and the deciding statement; fixing the policy clears both', async () => {
  const scenarioUri = uriOf('dev-workload.iamsim.json');
  const policyUri = uriOf('dev-role.json');
  const policyText = textOf('dev-role.json');
  await client.open(scenarioUri, textOf('dev-workload.iamsim.json'));
  assert.deepEqual(failures(await client.open(policyUri, policyText)), []);

  const scenarioFails = diagnosticsWhere(scenarioUri, (ds) => failures(ds).length > 0);
  const policyFails = diagnosticsWhere(policyUri, (ds) => failures(ds).length > 0);
  const broken = policyText.replace('"Effect": "Allow"', '"Effect": "Deny"');
  await client.change(policyUri, broken);

  const onTest = failures(await scenarioFails);
  assert.equal(onTest.length, 1, JSON.stringify(onTest));
  assert.equal(onTest[0].severity, 1);
  assert.match(onTest[0].message, /^Simulation "developers read the app data" failed: expected allowed, got explicitDeny\. Explicit deny: \.\/dev-role\.json statement "ReadAppData" denies s3:GetObject\.$/);
  assert.equal(onTest[0].range.start.line, 13); // the test's "expect" value

  const onStatement = failures(await policyFails);
  assert.equal(onStatement.length, 1, JSON.stringify(onStatement));
  assert.equal(onStatement[0].severity, 2);
  assert.match(onStatement[0].message, /Deny statement decides "developers read the app data" \(dev-workload\.iamsim\.json\): expected allowed, got explicitDeny/);
  // Underlines the statement's Sid.
  assert.deepEqual(onStatement[0].range, { start: { line: 4, character: 13 }, end: { line: 4, character: 26 } });

  const scenarioClear = diagnosticsWhere(scenarioUri, (ds) => failures(ds).length === 0);
  const policyClear = diagnosticsWhere(policyUri, (ds) => failures(ds).length === 0);
  await client.change(policyUri, policyText);
  await scenarioClear;
  await policyClear;
});

test('an implicit deny points at the policy that lacks the Allow', async () => {
  const policyUri = uriOf('dev-role.json');
  const text = textOf('dev-role.json');
  const withoutReports = text.replace('"s3:PutObject"', '"s3:PutObjectAcl"');
  const policyFails = diagnosticsWhere(policyUri, (ds) => failures(ds).length > 0);
  const run = nextResults(uriOf('dev-workload.iamsim.json'), (r) => r.tests.some((t) => !t.pass));
  await client.change(policyUri, withoutReports);
  const onPolicy = failures(await policyFails);
  assert.equal(onPolicy.length, 1, JSON.stringify(onPolicy));
  assert.match(onPolicy[0].message, /^No statement of \.\/dev-role\.json allows "developers write reports"/);
  assert.deepEqual(onPolicy[0].range.start, { line: 2, character: 2 }); // the "Statement" key
  const failed = (await run).tests.find((t) => !t.pass)!;
  assert.equal(failed.decision, 'implicitDeny');
  assert.equal(failed.explanation?.missingAllow?.uri, policyUri);

  const cleared = diagnosticsWhere(policyUri, (ds) => failures(ds).length === 0);
  await client.change(policyUri, text);
  await cleared;
});

test('closing an edited policy without saving goes back to the file on disk', async () => {
  const scenarioUri = uriOf('dev-workload.iamsim.json');
  const policyUri = uriOf('dev-role.json');
  const text = textOf('dev-role.json');
  const failing = diagnosticsWhere(scenarioUri, (ds) => failures(ds).length > 0);
  await client.change(policyUri, text.replace('"Effect": "Allow"', '"Effect": "Deny"'));
  await failing;
  const cleared = diagnosticsWhere(scenarioUri, (ds) => failures(ds).length === 0);
  await client.close(policyUri);
  await cleared;
});

test('re-reads a closed policy changed on disk, and re-runs a scenario when it is saved', async () => {
  const scenarioUri = uriOf('bucket.iamsim.json');
  writeFileSync(
    path.join(folder, 'bucket.iamsim.json'),
    JSON.stringify({
      principal: 'arn:aws:iam::111122223333:role/Dev',
      policies: { identity: './dev-role.json', resource: './bucket-policy.json' },
      tests: [{ name: 'reads over TLS', action: 's3:GetObject', resource: 'arn:aws:s3:::app-data/a.csv', context: { 'aws:SecureTransport': 'true' }, expect: 'allowed' }],
    }, null, 2),
  );
  // A new scenario file: the editor's file watcher reports it.
  const firstRun = nextResults(scenarioUri);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: scenarioUri, type: FileChangeType.Created }] });
  assert.equal((await firstRun).tests[0].pass, true);

  // The bucket policy is not open: a deny on disk, then the watcher's change event.
  const bucketUri = uriOf('bucket-policy.json');
  const bucket = textOf('bucket-policy.json');
  const closedPolicyFails = diagnosticsWhere(bucketUri, (ds) => failures(ds).length > 0);
  writeFileSync(path.join(folder, 'bucket-policy.json'), bucket.replace('"Bool": { "aws:SecureTransport": "false" }', '"Bool": { "aws:SecureTransport": "true" }'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: bucketUri, type: FileChangeType.Changed }] });
  const onClosed = failures(await closedPolicyFails);
  assert.ok(onClosed.some((d) => /decides "reads over TLS" \(bucket\.iamsim\.json\)/.test(d.message)), JSON.stringify(onClosed));

  const closedCleared = diagnosticsWhere(bucketUri, (ds) => failures(ds).length === 0);
  writeFileSync(path.join(folder, 'bucket-policy.json'), bucket);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: bucketUri, type: FileChangeType.Changed }] });
  await closedCleared;

  // The scenario is open and the policy changes on disk unannounced: saving the scenario re-reads it.
  await client.open(scenarioUri, textOf('bucket.iamsim.json'));
  writeFileSync(path.join(folder, 'bucket-policy.json'), bucket.replace('"false"', '"true"'));
  const rerun = nextResults(scenarioUri, (r) => !r.tests[0].pass);
  await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: scenarioUri } });
  assert.equal((await rerun).tests[0].decision, 'explicitDeny');

  const restored = diagnosticsWhere(bucketUri, (ds) => failures(ds).length === 0);
  writeFileSync(path.join(folder, 'bucket-policy.json'), bucket);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: bucketUri, type: FileChangeType.Changed }] });
  await restored;
});

test('scenario load errors are diagnostics on the scenario', async () => {
  const uri = uriOf('broken.iamsim.json');
  const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/Dev', policies: { identity: './missing.json' }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allow' }] }, null, 2);
  writeFileSync(path.join(folder, 'broken.iamsim.json'), text);
  // Not announced by a watcher: opening it is how the server first hears of it.
  const published = diagnosticsWhere(uri, (ds) => ds.some((d) => d.code === 'SCENARIO_ERROR'));
  await client.open(uri, text);
  const errors = await published;
  const messages = errors.filter((d) => d.code === 'SCENARIO_ERROR').map((d) => d.message);
  assert.ok(messages.some((m) => /Cannot read the identity policy file \.\/missing\.json/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /Unknown "expect" value "allow"/.test(m)), messages.join('\n'));
  assert.equal(failures(errors).length, 0);
});

test('runs scenarios on request and answers with their results', async () => {
  const answer = await client.connection.sendRequest(runSimulationsRequest, { uris: [uriOf('dev-workload.iamsim.json')] });
  assert.equal(answer.length, 1);
  assert.equal(answer[0].tests.filter((t) => t.pass).length, 6);
});

test('simulates one request against an open bucket policy, used as a resource policy', async () => {
  const uri = uriOf('bucket-policy.json');
  await client.open(uri, textOf('bucket-policy.json'));
  const defaults = await client.connection.sendRequest(simulationDefaultsRequest, { uri });
  assert.deepEqual(defaults, {
    kind: 'resource',
    actions: ['s3:*', 's3:GetObject'],
    resources: ['arn:aws:s3:::app-data', 'arn:aws:s3:::app-data/*', 'arn:aws:s3:::app-data/reports/*'],
    principals: ['*', 'arn:aws:iam::444455556666:role/Auditor'],
  });
  const result = await client.connection.sendRequest(simulateRequestRequest, {
    uri,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::app-data/report.csv',
    principal: 'arn:aws:iam::111122223333:role/Dev',
    context: { 'aws:SecureTransport': 'false' },
  });
  assert.ok(result);
  assert.equal(result.decision, 'explicitDeny');
  assert.equal(result.role, 'resource policy');
  assert.equal(result.explanation.decidedBy[0].uri, uri);
  assert.equal(result.explanation.decidedBy[0].range.start.line, 3);
  assert.ok(result.explanation.details.some((l) => l.includes('✓ Deny "DenyPlainHttp"')), result.explanation.details.join('\n'));
});

// The custom policy checks through the built server: new access against the text at HEAD, and
// iamSts.criticalAccess as you type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { compareWithHeadRequest } from '../../server/src/protocol';
import { TestLanguageClient } from './lspClient';

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const read = { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-data/*' };
const write = { Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::app-data/*' };

let client: TestLanguageClient;

/** The next diagnostics of the document that hold the code (settings arriving republish others first). */
async function diagnosticsWith(first: Promise<PublishDiagnosticsParams>, uri: string, code: string, present = true): Promise<Diagnostic[]> {
  let p = await first;
  while (p.diagnostics.some((d) => d.code === code) !== present) p = await client.nextDiagnostics(uri, 1);
  return p.diagnostics;
}
before(async () => {
  client = new TestLanguageClient({}, { criticalAccess: [{ actions: ['iam:PassRole'] }, { nonsense: true }] });
  await client.start();
});
after(() => client.stop());

test('compared with HEAD, the statement that adds s3:PutObject gets an Information diagnostic naming it', async () => {
  const uri = 'file:///work/app-role.json';
  const head = policy(read);
  const now = policy(read, write);
  await client.open(uri, now);
  const published = client.nextDiagnostics(uri, 1);
  const result = await client.connection.sendRequest(compareWithHeadRequest, { uri, headText: head });
  assert.equal(result.result, 'FAIL');
  assert.deepEqual(result.statements, [{ statementIndex: 1, actions: ['s3:PutObject'] }]);
  const diagnostics = (await diagnosticsWith(published, uri, 'NEW_ACCESS_VS_HEAD')).filter((d) => d.code === 'NEW_ACCESS_VS_HEAD');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
  assert.match(diagnostics[0].message, /s3:PutObject/);
  // On the second statement ("Write"), which starts on line 9 of the pretty-printed text.
  assert.equal(diagnostics[0].range.start.line, now.split('\n').findIndex((l) => l.includes('"Sid": "Write"')) - 1);
});

test('the same text as HEAD clears the new-access diagnostics', async () => {
  const uri = 'file:///work/same.json';
  const text = policy(read);
  await client.open(uri, text);
  const published = client.nextDiagnostics(uri, 1);
  const result = await client.connection.sendRequest(compareWithHeadRequest, { uri, headText: text });
  assert.equal(result.result, 'PASS');
  assert.ok(!(await published).diagnostics.some((d) => d.code === 'NEW_ACCESS_VS_HEAD'));
  assert.deepEqual(result.statements, []);
});

test('a policy granting an action of iamSts.criticalAccess is flagged as you type, and not once the action is gone', async () => {
  const uri = 'file:///work/ci-role.json';
  const opened = await client.open(uri, policy(read, { Effect: 'Allow', Action: 'iam:*', Resource: '*' }));
  const critical = opened.filter((d) => d.code === 'CRITICAL_ACCESS_GRANTED');
  assert.equal(critical.length, 1, JSON.stringify(opened));
  assert.equal(critical[0].severity, DiagnosticSeverity.Warning);
  assert.match(critical[0].message, /iam:PassRole/);
  const changed = await client.change(uri, policy(read));
  assert.ok(!changed.some((d) => d.code === 'CRITICAL_ACCESS_GRANTED'));
});

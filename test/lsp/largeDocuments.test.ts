// One large document never blocks the others: while a 12,000-statement policy is validated, a
// hover on a small document answers; edits to the large one abandon the stale analyses and
// only the last version gets diagnostics.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { policyWithStatements } from '../unit/robustness/generated';
import { TestLanguageClient } from './lspClient';

let client: TestLanguageClient;
before(async () => {
  client = new TestLanguageClient();
  await client.start();
});
after(() => client.stop());

const small = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';

test('a hover on a small document answers while a large one is validated', async () => {
  await client.open('file:///small.json', small);
  const bigUri = 'file:///big.json';
  const bigDiagnostics = client.nextDiagnostics(bigUri, 1).then(() => performance.now());
  const started = performance.now();
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'json', version: 1, text: policyWithStatements(12000) } });
  // Asked once the large document's validation is under way (its parse alone takes longer).
  await new Promise((resolve) => setTimeout(resolve, 300));
  const asked = performance.now();
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///small.json' }, position: { line: 0, character: small.indexOf('s3:GetObject') + 3 } });
  const hoverAnswered = performance.now();
  assert.match((hover?.contents as MarkupContent).value, /\*\*s3:GetObject\*\*/);
  const bigDone = await bigDiagnostics;
  assert.ok(hoverAnswered < bigDone, `hover answered ${(hoverAnswered - asked).toFixed(0)} ms after it was asked, the large document's diagnostics ${(bigDone - started).toFixed(0)} ms after it was opened`);
});

test('1,000 rapid edits of a document end with diagnostics for the last version only', async () => {
  const uri = 'file:///rapid-edits.json';
  await client.open(uri, policyWithStatements(40));
  const last = client.nextDiagnostics(uri, 1001);
  // As fast as a client sends them: a burst the server validates once, at its end.
  const edits: Promise<void>[] = [];
  for (let v = 2; v <= 1001; v++) {
    edits.push(client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text: policyWithStatements(40 + (v % 7)) }] }));
  }
  await Promise.all(edits);
  await last;
  const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
  assert.equal(versions.at(-1), 1001);
  // The opened version and the burst's first edit (a keystroke after a pause is validated at
  // once) may have been published; none of the 998 in between.
  assert.deepEqual(versions.filter((v) => (v ?? 0) > 2), [1001], versions.join(','));
});

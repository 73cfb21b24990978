import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { TestLanguageClient } from './lspClient';

const examples = path.resolve(__dirname, '../../examples');
let client: TestLanguageClient;

before(async () => {
  client = new TestLanguageClient();
  await client.start();
});
after(() => client.stop());

test('publishes one INVALID_EFFECT error, linked to its documentation, on the wrong Effect value', async () => {
  const text = readFileSync(path.join(examples, 'policies/broken-effect.json'), 'utf8');
  const diagnostics = await client.open('file:///examples/policies/broken-effect.json', text);
  // The schema sees the same fault; the linter's finding, with Access Analyzer's code, replaces it.
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [effect] = diagnostics;
  assert.equal(effect.code, 'INVALID_EFFECT');
  assert.match(effect.message, /The effect "Alow" is not valid/);
  assert.match(effect.codeDescription!.href, /access-analyzer-reference-policy-checks\.html#.*invalid-effect$/);
  assert.equal(effect.severity, 1);
  assert.equal(effect.source, 'IAM STS Studio');
  assert.deepEqual(effect.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 22 } });
});

test('publishes no diagnostics for a plain package.json', async () => {
  const text = readFileSync(path.join(examples, 'package.json'), 'utf8');
  assert.deepEqual(await client.open('file:///examples/package.json', text), []);
});

test('clears the diagnostic once the edit fixes it', async () => {
  const uri = 'file:///tmp/fix-me.json';
  const broken = '{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}';
  assert.deepEqual((await client.open(uri, broken)).map((d) => d.code), ['INVALID_EFFECT']);
  assert.deepEqual(await client.change(uri, broken.replace('Alow', 'Allow')), []);
});

test('reports malformed JSON in a policy instead of failing, and keeps serving', async () => {
  const uri = 'file:///tmp/malformed.json';
  const diagnostics = await client.open(uri, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "*"}');
  assert.ok(diagnostics.some((d) => /Invalid JSON/.test(d.message)), JSON.stringify(diagnostics));
  assert.equal(client.exited, false);
});

test('answers for an empty file and for deep nesting without crashing', async () => {
  assert.deepEqual(await client.open('file:///tmp/empty.json', ''), []);
  const deep = `{"Statement": ${'['.repeat(20000)}${']'.repeat(20000)}}`;
  await client.open('file:///tmp/deep.json', deep);
  assert.equal(client.exited, false);
  const ok = await client.open('file:///tmp/after.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Nope", "Action": "*", "Resource": "*"}]}');
  assert.deepEqual(ok.map((d) => d.code), ['INVALID_EFFECT']);
});

test('does not validate a 5 MB file, says why, and keeps answering for other documents', async () => {
  const statement = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},';
  const big = `{"Version": "2012-10-17", "Statement": [${statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length))}{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`;
  const diagnostics = await client.open('file:///tmp/big.json', big);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /Not validated: the file is 5\.0 MB/);
  const other = await client.open('file:///tmp/other.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "*", "Resource": "*"}]}');
  assert.deepEqual(other.map((d) => d.code), ['INVALID_EFFECT']);
});

test('leaves JSON syntax errors to the editor when it says it reports them', async () => {
  const quiet = new TestLanguageClient({ hostReportsJsonSyntax: true });
  await quiet.start();
  try {
    const diagnostics = await quiet.open('file:///tmp/m.json', '{"Statement": [{"Effect": "Allow" "Action": "*", "Resource": "*"}]}');
    assert.equal(diagnostics.filter((d) => /Invalid JSON/.test(d.message)).length, 0);
  } finally {
    await quiet.stop();
  }
});

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

test('publishes a grammar diagnostic on the wrong Effect value of an example policy', async () => {
  const text = readFileSync(path.join(examples, 'policies/broken-effect.json'), 'utf8');
  const diagnostics = await client.open('file:///examples/policies/broken-effect.json', text);
  const effect = diagnostics.find((d) => /Effect must be "Allow" or "Deny"/.test(d.message));
  assert.ok(effect, JSON.stringify(diagnostics));
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
  assert.equal((await client.open(uri, broken)).length, 1);
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
  const ok = await client.open('file:///tmp/after.json', '{"Statement": [{"Effect": "Nope", "Action": "*", "Resource": "*"}]}');
  assert.equal(ok.length, 1);
});

test('does not validate a 5 MB file, says why, and keeps answering for other documents', async () => {
  const statement = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},';
  const big = `{"Version": "2012-10-17", "Statement": [${statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length))}{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`;
  const diagnostics = await client.open('file:///tmp/big.json', big);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /Not validated: the file is 5\.0 MB/);
  const other = await client.open('file:///tmp/other.json', '{"Statement": [{"Effect": "Alow", "Action": "*", "Resource": "*"}]}');
  assert.equal(other.length, 1);
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

// Editing help over stdio: hover, completion and quick fixes against the built server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLanguageClient } from './lspClient';

const examples = path.resolve(__dirname, '../../examples');
let client: TestLanguageClient;

before(async () => {
  client = new TestLanguageClient();
  await client.start();
});
after(() => client.stop());

function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in text`);
  return TextDocument.create('x', 'json', 0, text).positionAt(offset + delta);
}

async function completionLabels(uri: string, text: string, position: Position): Promise<CompletionItem[]> {
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | CompletionItem[] | null;
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const vendorUri = 'file:///examples/trust/vendor-role-trust.json';
const vendorText = readFileSync(path.join(examples, 'trust/vendor-role-trust.json'), 'utf8');

test('an edited trust policy answers hover on an action with its access level', async () => {
  const opened = await client.open(vendorUri, vendorText);
  assert.ok(opened.some((d) => d.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'), JSON.stringify(opened));
  const edited = vendorText.replace('"Action": "sts:AssumeRole"', '"Action": ["sts:AssumeRole", "sts:TagSession"]');
  await client.change(vendorUri, edited);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: vendorUri }, position: positionOf(edited, 'sts:TagSession', 3) });
  const markdown = (hover?.contents as MarkupContent).value;
  assert.match(markdown, /\*\*sts:TagSession\*\*/);
  assert.match(markdown, /Access level: \*\*Tagging, Write\*\*/);
  assert.deepEqual(hover?.range?.start, positionOf(edited, '"sts:TagSession"'));
  await client.change(vendorUri, vendorText);
});

test('completes the actions of a service after "s3:" and the condition keys of the statement', async () => {
  const uri = 'file:///tmp/app-policy.json';
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:"],\n      "Resource": "*",\n      "Condition": { "StringEquals": { "": "" } }\n    }\n  ]\n}';
  await client.open(uri, text);
  const actions = await completionLabels(uri, text, positionOf(text, '"s3:"', 4));
  const get = actions.find((i) => i.label === 's3:PutObject');
  assert.ok(get, actions.slice(0, 5).map((i) => i.label).join(', '));
  assert.equal(get.detail, 'Write');
  assert.ok(actions.every((i) => i.label.startsWith('s3:')));
  // No snippet support in this client: plain text that replaces the whole string.
  const edit = get.textEdit as TextEdit;
  assert.equal(edit.newText, '"s3:PutObject"');
  assert.deepEqual(edit.range, { start: positionOf(text, '"s3:"'), end: positionOf(text, '"s3:"', 5) });

  const keys = await completionLabels(uri, text, positionOf(text, '"": ""', 1));
  const labels = keys.map((i) => i.label);
  assert.ok(labels.includes('s3:ExistingObjectTag/<key>'), labels.slice(0, 10).join(', '));
  assert.ok(labels.includes('aws:SecureTransport'));
  assert.equal((keys.find((i) => i.label === 'aws:SecureTransport')!.textEdit as TextEdit).newText, '"aws:SecureTransport"');
});

test('the ExternalId quick fix clears the warning once its edit is applied', async () => {
  const uri = 'file:///examples/trust/vendor-role-trust-fix.json';
  const diagnostics = await client.open(uri, vendorText);
  const warning = diagnostics.find((d) => d.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL') as Diagnostic;
  assert.ok(warning);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: warning.range,
    context: { diagnostics: [warning] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Require an sts:ExternalId for account 444455556666', 'Mark account 444455556666 as one of your own (iamSts.ownAccounts)'],
  );
  const fix = actions[0];
  assert.equal(fix.isPreferred, true);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, vendorText), fix.edit!.changes![uri]);
  // The client selects the placeholder once the edit applies.
  assert.equal(fix.command?.command, 'iamSts.selectRange');
  const [selectUri, range] = fix.command!.arguments as [string, { start: Position; end: Position }];
  assert.equal(selectUri, uri);
  const after = TextDocument.create(uri, 'json', 2, fixed);
  assert.equal(fixed.slice(after.offsetAt(range.start), after.offsetAt(range.end)), 'EXTERNAL_ID');
  const republished = await client.change(uri, fixed);
  assert.ok(!republished.some((d) => d.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'), JSON.stringify(republished));
  assert.ok(!republished.some((d) => d.code === 'MISSING_MFA_FOR_HUMAN_PRINCIPAL'));

  assert.deepEqual(actions[1].command, { title: 'Add to iamSts.ownAccounts', command: 'iamSts.addOwnAccount', arguments: ['444455556666'] });
});

test('answers hover, completion and code actions for a plain JSON file with nothing', async () => {
  const uri = 'file:///examples/package.json';
  const text = readFileSync(path.join(examples, 'package.json'), 'utf8');
  await client.open(uri, text);
  assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } }), null);
  assert.deepEqual(await completionLabels(uri, text, { line: 1, character: 4 }), []);
  assert.equal(client.exited, false);
});

test('answers a hover in one policy while a 5 MB file is open in another', async () => {
  const statement = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},';
  const huge = `{"Version": "2012-10-17", "Statement": [${statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length))}{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`;
  const opened = client.open('file:///tmp/huge-5mb.json', huge);
  const uri = 'file:///tmp/hover-beside-huge.json';
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
  await client.open(uri, text);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'GetObject') });
  assert.match((hover?.contents as MarkupContent).value, /Access level: \*\*Read\*\*/);
  const [notice] = await opened;
  assert.match(notice.message, /Not validated: the file is 5\.0 MB/);
});

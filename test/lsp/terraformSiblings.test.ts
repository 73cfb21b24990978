// A .tf file's policies depend on the other .tf files of its folder (one module): where a document
// is used decides its kind. Changing a sibling, open or on disk, re-validates the open files.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestLanguageClient } from './lspClient';

let client: TestLanguageClient;
let folder: string;
const document = ['data "aws_iam_policy_document" "x" {', '  statement {', '    actions   = ["s3:GetObject"]', '    resources = ["*"]', '  }', '}', ''].join('\n');
const role = ['resource "aws_iam_role" "r" {', '  assume_role_policy = data.aws_iam_policy_document.x.json', '}', ''].join('\n');
const unused = '# nothing uses the document yet\n';

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'tf-siblings-'));
  writeFileSync(path.join(folder, 'main.tf'), unused);
  client = new TestLanguageClient();
  await client.start(folder);
});
after(async () => {
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
});

const codes = (diagnostics: Array<{ code?: string | number }>) => diagnostics.map((d) => String(d.code)).sort();
const TRUST_FINDINGS = ['MISSING_PRINCIPAL', 'POLICY_GRAMMAR', 'POLICY_GRAMMAR', 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE'];

test("editing an open sibling that makes the document a role's trust policy re-validates the file at once; closing it goes back to the disk's text", { timeout: 30_000 }, async () => {
  const trustUri = pathToFileURL(path.join(folder, 'trust.tf')).toString();
  const mainUri = pathToFileURL(path.join(folder, 'main.tf')).toString();
  assert.deepEqual(await client.open(trustUri, document, 'terraform'), [], 'unused, it is an identity policy without findings');
  await client.open(mainUri, unused, 'terraform');

  const republished = client.nextDiagnostics(trustUri);
  await client.change(mainUri, role);
  assert.deepEqual(codes((await republished).diagnostics), TRUST_FINDINGS);

  const afterClose = client.nextDiagnostics(trustUri);
  await client.close(mainUri);
  assert.deepEqual((await afterClose).diagnostics, []);
});

test('a closed sibling changed on disk (a watched file change) re-validates the open file', { timeout: 30_000 }, async () => {
  const trustUri = pathToFileURL(path.join(folder, 'trust.tf')).toString();
  const mainFile = path.join(folder, 'main.tf');
  writeFileSync(mainFile, role);
  const republished = client.nextDiagnostics(trustUri);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(mainFile).toString(), type: FileChangeType.Changed }] });
  assert.deepEqual(codes((await republished).diagnostics), TRUST_FINDINGS);
});

test("opening a module's files one after another validates each once: an open tells its siblings nothing new", { timeout: 60_000 }, async () => {
  const module = mkdtempSync(path.join(tmpdir(), 'tf-module-'));
  try {
    const uris: string[] = [];
    for (let i = 0; i < 30; i++) {
      const file = path.join(module, `part${i}.tf`);
      writeFileSync(file, document.replace('"x"', `"doc${i}"`));
      uris.push(pathToFileURL(file).toString());
    }
    for (const uri of uris) {
      await client.open(uri, document.replace('"x"', `"doc${uris.indexOf(uri)}"`), 'terraform');
      // Past the siblings' coalescing delay, so a re-validation the open caused would have run.
      await new Promise((r) => setTimeout(r, 150));
    }
    const publications = uris.map((uri) => client.published.filter((p) => p.uri === uri).length);
    assert.deepEqual(publications, uris.map(() => 1), 'each file published once, when it was opened');
    for (const uri of uris) await client.close(uri);
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
});

test('with thousands of documents open, a module file finds its open siblings at once: the open documents are listed once per analysis, not once per sibling', { timeout: 180_000 }, async () => {
  // Before the fix each of a module's files looked for each sibling among all open documents,
  // parsing every open document's uri each time: with the corpus open (2,532 documents) every .tf
  // file of its 193-file folder took 1.3-1.4 s to open; here 80 files took 18.6 s, and 0.2 s with the fix.
  const module = mkdtempSync(path.join(tmpdir(), 'tf-many-open-'));
  const others: string[] = [];
  try {
    for (let i = 0; i < 2000; i++) {
      const uri = pathToFileURL(path.join(module, 'other', `doc${i}.json`)).toString();
      others.push(uri);
      await client.open(uri, '{"Version": "2012-10-17", "Statement": []}');
    }
    const uris: string[] = [];
    for (let i = 0; i < 80; i++) {
      const file = path.join(module, `part${i}.tf`);
      writeFileSync(file, document.replace('"x"', `"doc${i}"`));
      uris.push(pathToFileURL(file).toString());
    }
    const start = performance.now();
    for (const [i, uri] of uris.entries()) await client.open(uri, document.replace('"x"', `"doc${i}"`), 'terraform');
    const seconds = (performance.now() - start) / 1000;
    assert.ok(seconds < 5, `80 module files opened in ${seconds.toFixed(1)} s with 2,000 other documents open`);
    // An open sibling's text is the editor's, not the disk's: an edit in one reaches the others.
    const first = client.nextDiagnostics(uris[0]);
    await client.change(uris[1], `${role.replace('.x.json', '.doc0.json')}${document.replace('"x"', '"doc1"')}`);
    assert.deepEqual(codes((await first).diagnostics), TRUST_FINDINGS);
    for (const uri of [...uris, ...others]) await client.close(uri);
  } finally {
    rmSync(module, { recursive: true, force: true });
  }
});

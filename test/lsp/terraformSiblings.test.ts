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

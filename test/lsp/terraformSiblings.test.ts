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

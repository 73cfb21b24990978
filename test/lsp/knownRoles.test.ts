// `iamSts/knownRoles`: Assume Role asks which roles of the workspace carry the ARN's role name,
// and their MaxSessionDuration; open files count with the editor's text, closed ones from disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { knownRolesRequest } from '../../server/src/protocol';
import { TestLanguageClient } from './lspClient';

let client: TestLanguageClient;
let folder: string;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'known-roles-'));
  mkdirSync(path.join(folder, 'infra'));
  writeFileSync(
    path.join(folder, 'infra', 'template.yaml'),
    ['Resources:', '  VendorRole:', '    Type: AWS::IAM::Role', '    Properties:', '      RoleName: vendor-access', '      MaxSessionDuration: 14400', ''].join('\n'),
  );
  writeFileSync(path.join(folder, 'main.tf'), ['resource "aws_iam_role" "ops" {', '  name = "ops"', '}', ''].join('\n'));
  client = new TestLanguageClient();
  await client.start(folder);
});
after(async () => {
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('a role of a closed template is found by the name its ARN ends with, with its MaxSessionDuration and line', async () => {
  const roles = await client.connection.sendRequest(knownRolesRequest, { roleArn: 'arn:aws:iam::111122223333:role/team/vendor-access' });
  assert.deepEqual(roles, [
    {
      name: 'vendor-access',
      label: `VendorRole in ${path.join('infra', 'template.yaml')}`,
      uri: pathToFileURL(path.join(folder, 'infra', 'template.yaml')).toString(),
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      maxSessionDuration: 14400,
      maxSessionDurationSet: true,
    },
  ]);
});

test("an open .tf file counts with the editor's text: a duration typed but not saved is the bound", async () => {
  const uri = pathToFileURL(path.join(folder, 'main.tf')).toString();
  const arn = 'arn:aws:iam::111122223333:role/ops';
  const before = await client.connection.sendRequest(knownRolesRequest, { roleArn: arn });
  assert.deepEqual(before.map((r) => [r.label, r.maxSessionDuration, r.maxSessionDurationSet]), [['aws_iam_role.ops in main.tf', 3600, false]]);
  await client.open(uri, ['resource "aws_iam_role" "ops" {', '  name                 = "ops"', '  max_session_duration = 7200', '}', ''].join('\n'), 'terraform');
  const after = await client.connection.sendRequest(knownRolesRequest, { roleArn: arn });
  assert.deepEqual(after.map((r) => [r.label, r.maxSessionDuration, r.maxSessionDurationSet]), [['aws_iam_role.ops in main.tf', 7200, true]]);
});

test('a role no file defines, or an ARN that names no role, gives nothing', async () => {
  assert.deepEqual(await client.connection.sendRequest(knownRolesRequest, { roleArn: 'arn:aws:iam::111122223333:role/other' }), []);
  assert.deepEqual(await client.connection.sendRequest(knownRolesRequest, { roleArn: 'not an arn' }), []);
});

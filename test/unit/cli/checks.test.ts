// The built CLI's check commands (dist/cli.js; `npm run build` first), run as a user runs them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-checks-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, statements: object[]): string {
  writeFileSync(path.join(dir, name), JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2));
  return name;
}

const read = { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-data/*' };
const write = { Sid: 'Write', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::app-data/*' };
const old = file('old.json', [read]);
const wider = file('new.json', [read, write]);

interface ApiResult {
  result: string;
  message: string;
  reasons: Array<{ description: string; statementIndex: number; statementId?: string }>;
}

test('check-no-new-access --format json prints the API shape and exits 1 on new access', () => {
  const r = run('check-no-new-access', '--policy-type', 'IDENTITY_POLICY', '--existing-policy-document', old, '--new-policy-document', wider, '--format', 'json');
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as ApiResult;
  assert.deepEqual(Object.keys(out).sort(), ['message', 'reasons', 'result']);
  assert.equal(out.result, 'FAIL');
  assert.equal(out.reasons.length, 1);
  assert.deepEqual(Object.keys(out.reasons[0]).sort(), ['description', 'statementId', 'statementIndex']);
  assert.equal(out.reasons[0].statementIndex, 1);
  assert.equal(out.reasons[0].statementId, 'Write');
  assert.match(out.reasons[0].description, /s3:PutObject/);
});

test('check-no-new-access exits 0 on the same policy, and takes file:// paths', () => {
  const r = run('check-no-new-access', '--policy-type', 'identity', '--existing-policy-document', `file://${old}`, '--new-policy-document', old);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^PASS: /);
});

test('check-no-public-access fails a bucket policy open to "*" and passes one pinned to the organization', () => {
  const open = file('open.json', [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }]);
  const pinned = file('pinned.json', [
    { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
  ]);
  const a = run('check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', open, '--format', 'json');
  assert.equal(a.code, 1, a.stderr);
  assert.equal((JSON.parse(a.stdout) as ApiResult).reasons[0].statementIndex, 0);
  const b = run('check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', pinned, '--format', 'json');
  assert.equal(b.code, 0, b.stderr);
  assert.equal((JSON.parse(b.stdout) as ApiResult).result, 'PASS');
});

test('check-access-not-granted fails when the policy grants a listed action and passes when it does not', () => {
  const a = run('check-access-not-granted', '--policy-type', 'IDENTITY_POLICY', '--policy-document', wider, '--access', '[{"actions":["s3:PutObject"]}]', '--format', 'json');
  assert.equal(a.code, 1, a.stderr);
  assert.match((JSON.parse(a.stdout) as ApiResult).reasons[0].description, /s3:PutObject/);
  const b = run('check-access-not-granted', '--policy-type', 'IDENTITY_POLICY', '--policy-document', old, '--access', '[{"actions":["s3:PutObject"],"resources":["arn:aws:s3:::app-data/*"]}]');
  assert.equal(b.code, 0, b.stderr);
});

test('bad usage exits 2 with the reason on stderr', () => {
  const cases: string[][] = [
    ['check-no-new-access', '--policy-type', 'identity', '--existing-policy-document', old],
    ['check-no-new-access', '--policy-type', 'nonsense', '--existing-policy-document', old, '--new-policy-document', old],
    ['check-no-new-access', '--policy-type', 'identity', '--existing-policy-document', 'missing.json', '--new-policy-document', old],
    ['check-no-public-access', '--resource-type', 'AWS::Nope::Thing', '--policy-document', old],
    ['check-access-not-granted', '--policy-type', 'identity', '--policy-document', old, '--access', 'not json'],
    ['check-access-not-granted', '--policy-type', 'identity', '--policy-document', old, '--access', '[{}]'],
    ['check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', old, '--format', 'xml'],
    ['check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', old, '--bogus'],
  ];
  for (const args of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^iam-sts: .+/, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
});

test('a file that is not a policy is bad usage', () => {
  writeFileSync(path.join(dir, 'broken.json'), '{ "Statement": [ ');
  const r = run('check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', 'broken.json');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not valid JSON|not an IAM policy/);
});

// Policies inside a template or a .tf file, named as scenarios name them: `file#locator`.
const template = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  VendorRole:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      AssumeRolePolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Principal: { AWS: "arn:aws:iam::444455556666:root" }',
  '            Action: sts:AssumeRole',
  '      Policies:',
  '        - PolicyName: read',
  '          PolicyDocument:',
  '            Version: "2012-10-17"',
  '            Statement:',
  '              - Effect: Allow',
  '                Action: s3:GetObject',
  '                Resource: "arn:aws:s3:::app-data/*"',
  '  Site:',
  '    Type: AWS::S3::BucketPolicy',
  '    Properties:',
  '      Bucket: site',
  '      PolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Principal: "*"',
  '            Action: s3:GetObject',
  '            Resource: "arn:aws:s3:::site/*"',
].join('\n');
writeFileSync(path.join(dir, 'template.yaml'), template);
const terraform = [
  'data "aws_iam_policy_document" "base" {',
  '  statement {',
  '    sid       = "Read"',
  '    actions   = ["s3:GetObject"]',
  '    resources = ["arn:aws:s3:::app-data/*"]',
  '  }',
  '}',
  'data "aws_iam_policy_document" "app" {',
  '  source_policy_documents = [data.aws_iam_policy_document.base.json]',
  '  statement {',
  '    sid       = "Write"',
  '    actions   = ["s3:PutObject"]',
  '    resources = ["arn:aws:s3:::app-data/*"]',
  '  }',
  '}',
].join('\n');
writeFileSync(path.join(dir, 'main.tf'), terraform);

test('check-no-new-access compares policies inside a template and a .tf file: the merged Terraform document adds the Write statement', () => {
  const same = run('check-no-new-access', '--policy-type', 'identity', '--existing-policy-document', 'template.yaml#VendorRole.Policies[0].PolicyDocument', '--new-policy-document', 'main.tf#data.aws_iam_policy_document.base');
  assert.equal(same.code, 0, same.stderr);
  const r = run('check-no-new-access', '--policy-type', 'identity', '--existing-policy-document', 'file://template.yaml#VendorRole.Policies[0].PolicyDocument', '--new-policy-document', 'main.tf#data.aws_iam_policy_document.app', '--format', 'json');
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as ApiResult;
  assert.deepEqual(out.reasons.map((x) => [x.statementIndex, x.statementId]), [[1, 'Write']]);
});

test('check-no-public-access and check-access-not-granted read a template policy by its locator', () => {
  const open = run('check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', 'template.yaml#Site.PolicyDocument');
  assert.equal(open.code, 1, open.stderr);
  assert.match(open.stdout, /^FAIL: /);
  const granted = run('check-access-not-granted', '--policy-type', 'RESOURCE_POLICY', '--policy-document', 'template.yaml#VendorRole.AssumeRolePolicyDocument', '--access', '[{"actions":["sts:AssumeRole"]}]');
  assert.equal(granted.code, 1, granted.stderr);
});

test('a locator that names no policy is bad usage that lists the policies the file has; a template without a locator says how to name one', () => {
  const r = run('check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', 'template.yaml#Site.Policy');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.split('\n')[0], 'iam-sts: --policy-document: template.yaml: no policy "Site.Policy" in it; it has VendorRole.AssumeRolePolicyDocument, VendorRole.Policies[0].PolicyDocument, Site.PolicyDocument');
  const tf = run('check-access-not-granted', '--policy-type', 'identity', '--policy-document', 'main.tf#data.aws_iam_policy_document.missing', '--access', '[{"actions":["s3:GetObject"]}]');
  assert.equal(tf.code, 2);
  assert.match(tf.stderr, /no policy "data\.aws_iam_policy_document\.missing" in it; it has data\.aws_iam_policy_document\.base, data\.aws_iam_policy_document\.app/);
  const bare = run('check-no-public-access', '--resource-type', 'AWS::S3::Bucket', '--policy-document', 'template.yaml');
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /template\.yaml holds 3 policies; name one as template\.yaml#<policy>: VendorRole\.AssumeRolePolicyDocument, /);
});

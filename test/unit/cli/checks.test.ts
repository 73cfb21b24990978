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

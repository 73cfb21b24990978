// Scenarios name a policy inside a template or a .tf file by its locator: `file#locator`.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadTerraformParser } from '../../../server/src/embedded/terraform/parser';
import { loadScenario, runScenario, scenarioErrors, type ReadPolicyFile } from '../../../server/src/simulate';

const ROOT = path.resolve('/work/scenarios');
const template = [
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
  '            Condition: { StringEquals: { "sts:ExternalId": "ab12" } }',
].join('\n');
const terraform = [
  'data "aws_iam_policy_document" "read" {',
  '  statement {',
  '    actions   = ["s3:GetObject"]',
  '    resources = ["arn:aws:s3:::reports/*"]',
  '  }',
  '}',
].join('\n');
// `app` merges `base` (source) and `deny` (override, replacing base's "Write" by its sid).
const merging = [
  'data "aws_iam_policy_document" "base" {',
  '  statement {',
  '    sid       = "Write"',
  '    actions   = ["s3:PutObject"]',
  '    resources = ["arn:aws:s3:::reports/*"]',
  '  }',
  '}',
  'data "aws_iam_policy_document" "deny" {',
  '  statement {',
  '    sid       = "Write"',
  '    effect    = "Deny"',
  '    actions   = ["s3:PutObject"]',
  '    resources = ["arn:aws:s3:::reports/*"]',
  '  }',
  '}',
  'data "aws_iam_policy_document" "app" {',
  '  source_policy_documents   = [data.aws_iam_policy_document.base.json]',
  '  override_policy_documents = [data.aws_iam_policy_document.deny.json]',
  '  statement {',
  '    actions   = ["s3:GetObject"]',
  '    resources = ["arn:aws:s3:::reports/*"]',
  '  }',
  '}',
].join('\n');
const files: Record<string, string> = { [path.join(ROOT, 'template.yaml')]: template, [path.join(ROOT, 'main.tf')]: terraform, [path.join(ROOT, 'merging.tf')]: merging };
const read: ReadPolicyFile = (p) => files[p];

function scenario(policies: object, tests: object[]): string {
  return JSON.stringify({ principal: 'arn:aws:iam::444455556666:user/vendor', policies, tests });
}

describe('scenario policies inside templates and .tf files', () => {
  before(() => loadTerraformParser());

  it('a role trust policy from a YAML template decides an AssumeRole, with and without the ExternalId', () => {
    const text = scenario({ identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }], trust: './template.yaml#VendorRole.AssumeRolePolicyDocument' }, [
      { name: 'with the external id', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/VendorRole', resourceAccount: '111122223333', context: { 'sts:ExternalId': 'ab12' }, expect: 'allowed' },
      { name: 'without it', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/VendorRole', resourceAccount: '111122223333', expect: 'implicitDeny' },
    ]);
    const run = runScenario(loadScenario(text, path.join(ROOT, 's.iamsim.json'), read));
    assert.deepEqual(run.errors, []);
    assert.deepEqual(run.tests.map((t) => [t.name, t.decision, t.pass]), [
      ['with the external id', 'allowed', true],
      ['without it', 'implicitDeny', true],
    ]);
  });

  it('an identity policy from a Terraform policy document allows what it names', () => {
    const text = scenario({ identity: ['./main.tf#data.aws_iam_policy_document.read'] }, [
      { name: 'reads a report', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv', expect: 'allowed' },
      { name: 'cannot delete one', action: 's3:DeleteObject', resource: 'arn:aws:s3:::reports/q1.csv', expect: 'implicitDeny' },
    ]);
    const run = runScenario(loadScenario(text, path.join(ROOT, 's.iamsim.json'), read));
    assert.deepEqual(run.errors, []);
    assert.deepEqual(run.tests.map((t) => t.pass), [true, true]);
  });

  it('a Terraform document merging others is simulated as Terraform renders it: its own statement, the source, the override replacing by sid', () => {
    const text = scenario({ identity: ['./merging.tf#data.aws_iam_policy_document.app'] }, [
      { name: 'reads, its own statement', action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q1.csv', expect: 'allowed' },
      { name: "the source's Write is replaced by the override's Deny", action: 's3:PutObject', resource: 'arn:aws:s3:::reports/q1.csv', expect: 'explicitDeny' },
    ]);
    const run = runScenario(loadScenario(text, path.join(ROOT, 's.iamsim.json'), read));
    assert.deepEqual(run.errors, []);
    assert.deepEqual(run.tests.map((t) => [t.name, t.decision]), [
      ['reads, its own statement', 'allowed'],
      ["the source's Write is replaced by the override's Deny", 'explicitDeny'],
    ]);
  });

  it('an unknown locator is an error at the reference that lists the policies the file has', () => {
    const text = scenario({ identity: ['./main.tf#data.aws_iam_policy_document.write'] }, [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }]);
    const loaded = loadScenario(text, path.join(ROOT, 's.iamsim.json'), read);
    const messages = scenarioErrors(loaded).map((e) => e.message);
    assert.ok(messages.some((m) => m.includes('no policy "data.aws_iam_policy_document.write" in it; it has data.aws_iam_policy_document.read')), messages.join('\n'));
  });
});

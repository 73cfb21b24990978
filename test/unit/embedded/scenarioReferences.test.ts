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
const files: Record<string, string> = { [path.join(ROOT, 'template.yaml')]: template, [path.join(ROOT, 'main.tf')]: terraform };
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

  it('an unknown locator is an error at the reference that lists the policies the file has', () => {
    const text = scenario({ identity: ['./main.tf#data.aws_iam_policy_document.write'] }, [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }]);
    const loaded = loadScenario(text, path.join(ROOT, 's.iamsim.json'), read);
    const messages = scenarioErrors(loaded).map((e) => e.message);
    assert.ok(messages.some((m) => m.includes('no policy "data.aws_iam_policy_document.write" in it; it has data.aws_iam_policy_document.read')), messages.join('\n'));
  });
});

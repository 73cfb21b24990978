// Roles a template or a .tf file defines with a name of its own: what Assume Role bounds its duration by.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { definedRoles, roleNameOfArn } from '../../../server/src/embedded/roles';
import { terraformPolicies } from '../../../server/src/embedded/terraform';
import { loadTerraformParser } from '../../../server/src/embedded/terraform/parser';

const pick = (roles: ReturnType<typeof definedRoles>) => (roles === 'not loaded' ? roles : roles.map((r) => [r.locator, r.name, r.maxSessionDuration, r.maxSessionDurationSet]));

describe('roles defined in templates and .tf files', () => {
  before(() => loadTerraformParser());

  it('a YAML template: a named role with MaxSessionDuration, one named by a parameter default, one without the setting (one hour); a generated name is not matched', () => {
    const text = [
      'Parameters:',
      '  DeployName: { Type: String, Default: deploy }',
      'Resources:',
      '  VendorRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      RoleName: vendor-access',
      '      MaxSessionDuration: 14400',
      '  DeployRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      RoleName: !Ref DeployName',
      '  Unnamed:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      MaxSessionDuration: 7200',
    ].join('\n');
    assert.deepEqual(pick(definedRoles(text, 'template.yaml')), [
      ['VendorRole', 'vendor-access', 14400, true],
      ['DeployRole', 'deploy', 3600, false],
    ]);
  });

  it('a JSON template with a MaxSessionDuration written as a string', () => {
    const text = JSON.stringify({ Resources: { Ops: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'ops', MaxSessionDuration: '28800' } } } });
    assert.deepEqual(pick(definedRoles(text, 'stack.json')), [['Ops', 'ops', 28800, true]]);
  });

  it('a .tf file: aws_iam_role name and max_session_duration; a computed duration or name is not a bound', () => {
    const text = [
      'resource "aws_iam_role" "vendor" {',
      '  name                 = "vendor-access"',
      '  max_session_duration = 7200',
      '}',
      'resource "aws_iam_role" "computed" {',
      '  name                 = "computed"',
      '  max_session_duration = var.hours * 3600',
      '}',
      'resource "aws_iam_role" "prefixed" {',
      '  name_prefix = "app-"',
      '}',
      'resource "aws_iam_role" "plain" {',
      '  name = "plain"',
      '}',
    ].join('\n');
    assert.deepEqual(pick(definedRoles(text, 'main.tf')), [
      ['aws_iam_role.vendor', 'vendor-access', 7200, true],
      ['aws_iam_role.plain', 'plain', 3600, false],
    ]);
  });

  it("a Terraform role's trust policy knows its max_session_duration (for hover), inline or as a document", async () => {
    const text = [
      'resource "aws_iam_role" "a" {',
      '  max_session_duration = 7200',
      '  assume_role_policy   = data.aws_iam_policy_document.trust.json',
      '}',
      'resource "aws_iam_role" "b" {',
      '  max_session_duration = 10800',
      '  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })',
      '}',
      'data "aws_iam_policy_document" "trust" {',
      '  statement {',
      '    actions = ["sts:AssumeRole"]',
      '    principals {',
      '      type        = "Service"',
      '      identifiers = ["lambda.amazonaws.com"]',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const found = await terraformPolicies(text);
    assert.deepEqual(found.map((f) => [f.locator, f.kind, f.maxSessionDuration]), [
      ['aws_iam_role.b.assume_role_policy', 'trust', 10800],
      ['data.aws_iam_policy_document.trust', 'trust', 7200],
    ]);
  });

  it("an ARN's role name is its last path segment", () => {
    assert.equal(roleNameOfArn('arn:aws:iam::111122223333:role/ops/team/Deploy'), 'Deploy');
    assert.equal(roleNameOfArn('arn:aws-us-gov:iam::111122223333:role/vendor-access'), 'vendor-access');
    assert.equal(roleNameOfArn('arn:aws:iam::111122223333:user/alice'), undefined);
  });
});

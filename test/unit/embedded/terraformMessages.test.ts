// Findings on a data "aws_iam_policy_document" speak the data source's names (actions, resources,
// principals), not the JSON policy's.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { analyzeDocument } from '../../../server/src/analysis/analyzeDocument';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

test('a policy document\'s findings name its attributes and blocks', async () => {
  const text = [
    'data "aws_iam_policy_document" "x" {',
    '  statement {',
    '    actions     = ["s3:GetObject"]',
    '    not_actions = ["s3:PutObject"]',
    '    resources   = ["*"]',
    '  }',
    '}',
  ].join('\n');
  const analysis = await analyzeDocument(text, 'file:///m.tf', { kindOf: () => 'identity', lint: { data, ownAccounts: [] } });
  const combination = analysis.regions[0].problems.find((p) => p.code === 'UNSUPPORTED_ELEMENT_COMBINATION');
  assert.equal(combination?.message, 'The policy elements actions and not_actions can not be used in the same statement. Remove one of these elements.');
  assert.equal(text.slice(combination.range.start, combination.range.end), 'not_actions');
});

test('a jsonencode policy keeps the JSON names it is written with', async () => {
  const text = 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", NotAction = "s3:PutObject", Resource = "*" }] })\n}\n';
  const analysis = await analyzeDocument(text, 'file:///m.tf', { kindOf: () => 'identity', lint: { data, ownAccounts: [] } });
  const combination = analysis.regions[0].problems.find((p) => p.code === 'UNSUPPORTED_ELEMENT_COMBINATION');
  assert.match(combination?.message ?? '', /Action and NotAction/);
});

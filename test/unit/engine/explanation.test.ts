// The explanation must let the UI point at the text that decided: statement ranges, the
// values that matched, each condition key, and policy labels.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { compilePolicy, evaluate } from '../../../server/src/engine';
import { parsePolicyText } from '../../../server/src/policy/parse';

const identityText = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadReports", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"], "Resource": "arn:aws:s3:::app-data/reports/*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["blue", "red"] }, "Bool": { "aws:SecureTransport": "true" } } },
    { "Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*" }
  ]
}`;

function model(text: string) {
  const parsed = parsePolicyText(text);
  assert.ok(parsed.model);
  return parsed.model;
}

const request = {
  principal: 'arn:aws:iam::111122223333:user/alice',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::app-data/reports/q1.csv',
  context: { 'aws:PrincipalTag/team': 'red', 'aws:SecureTransport': 'true' },
};

describe('evaluation explanation', () => {
  it('names the deciding statement with its source range and the policy label', () => {
    const result = evaluate(request, { identity: [{ model: model(identityText), label: 'dev-role.json' }] });
    assert.equal(result.decision, 'allowed');
    const [decider] = result.explanation.decidedBy;
    assert.equal(decider.policy.label, 'dev-role.json');
    assert.equal(decider.sid, 'ReadReports');
    const text = identityText.slice(decider.range.start, decider.range.end);
    assert.ok(text.startsWith('{ "Sid": "ReadReports"'), text);
    assert.ok(text.endsWith('} }'), text);
    assert.match(result.explanation.summary, /dev-role\.json statement "ReadReports" allows s3:GetObject/);
  });

  it('reports for every statement whether action, resource and each condition matched', () => {
    const result = evaluate(request, { identity: [model(identityText)] });
    const [read, noDeletes] = result.explanation.policies[0].statements;
    assert.equal(read.action.matches, true);
    assert.deepEqual(read.action.matched.map((m) => m.value), ['s3:GetObject']);
    assert.equal(identityText.slice(read.action.matched[0].range.start, read.action.matched[0].range.end), '"s3:GetObject"');
    assert.equal(read.resource.matches, true);
    assert.deepEqual(
      read.conditions.map((c) => [c.operator, c.key, c.matches, c.matchedValues.map((v) => v.value)]),
      [
        ['StringEquals', 'aws:PrincipalTag/team', true, ['red']],
        ['Bool', 'aws:SecureTransport', true, ['true']],
      ],
    );
    const cond = read.conditions[0];
    assert.ok(identityText.slice(cond.range.start, cond.range.end).startsWith('"aws:PrincipalTag/team"'));
    assert.equal(noDeletes.applies, false);
    assert.equal(noDeletes.action.matches, false);
    assert.equal(noDeletes.effect, 'Deny');
  });

  it('says which condition failed when a statement does not apply', () => {
    const result = evaluate({ ...request, context: { 'aws:PrincipalTag/team': 'green', 'aws:SecureTransport': 'true' } }, { identity: [model(identityText)] });
    assert.equal(result.decision, 'implicitDeny');
    const read = result.explanation.policies[0].statements[0];
    assert.equal(read.conditionsMatch, false);
    assert.deepEqual(read.conditions.map((c) => c.matches), [false, true]);
    assert.deepEqual(read.conditions[0].requestValues, ['green']);
    assert.equal(result.explanation.missingAllow?.type, 'identity');
  });

  it('lists the implied context keys it used', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const result = evaluate(request, { identity: [model(identityText)] }, { now });
    const ctx = result.explanation.context;
    assert.deepEqual(ctx['aws:PrincipalArn'], ['arn:aws:iam::111122223333:user/alice']);
    assert.deepEqual(ctx['aws:username'], ['alice']);
    assert.deepEqual(ctx['aws:CurrentTime'], ['2025-06-01T12:00:00Z']);
    assert.deepEqual(ctx['aws:EpochTime'], [String(now.getTime() / 1000)]);
  });

  it('explains a cross-account implicit deny in one line', () => {
    const result = evaluate({ ...request, principal: 'arn:aws:iam::444455556666:user/bob', resourceAccount: '111122223333' }, { identity: [model(identityText)] });
    assert.equal(result.decision, 'implicitDeny');
    assert.equal(result.explanation.crossAccount, true);
    assert.match(result.explanation.summary, /cross-account/);
  });

  it('is plain data that survives JSON (no parser nodes inside)', () => {
    const result = evaluate(request, { identity: [model(identityText)] });
    const copy = JSON.parse(JSON.stringify(result));
    assert.deepEqual(copy.decision, result.decision);
    assert.deepEqual(copy.explanation.decidedBy, result.explanation.decidedBy);
  });

  it('explains the related sts:TagSession decision of an AssumeRole with session tags', () => {
    const trust = model('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}]}');
    const result = evaluate(
      { principal: 'arn:aws:iam::111122223333:user/alice', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/R', context: { 'aws:RequestTag/team': 'blue' } },
      { resource: trust },
    );
    assert.equal(result.decision, 'implicitDeny');
    assert.equal(result.explanation.related.length, 1);
    assert.equal(result.explanation.related[0].action, 'sts:TagSession');
    assert.equal(result.explanation.related[0].decision, 'implicitDeny');
  });
});

describe('compiled policies', () => {
  it('are compiled once per model and reused', () => {
    const m = model(identityText);
    assert.equal(compilePolicy(m), compilePolicy(m));
  });

  it('are compiled again for a new model of the same text', () => {
    assert.notEqual(compilePolicy(model(identityText)), compilePolicy(model(identityText)));
  });
});

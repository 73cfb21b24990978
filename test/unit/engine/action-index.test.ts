// A statement's actions of one service are looked up in a table from the second request for that
// service on (ActionIndex.ownPatterns): the same policy model asked again must match exactly as a fresh
// model does with its plain walk, in both modes, with literals in any case, duplicates, wildcards,
// non-ASCII patterns, NotAction, and patterns of other services or any service mixed in.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluate, type EvaluationResult } from '../../../server/src/engine';
import { parsePolicyText } from '../../../server/src/policy/parse';

const PRINCIPAL = 'arn:aws:iam::111122223333:user/alice';

function policy(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const ACTIONS = [
  's3:GetObject',
  'S3:PUTOBJECT',
  's3:getobject', // a duplicate in another case
  's3:List*',
  's3:Get?bjectAcl',
  's3:DeleteObject',
  's3:GetBucketPolicy',
  's3:GetBucketTagging',
  's3:PutBucketTagging',
  's3:GetObjectİ', // non-ASCII: walked, never looked up
  'ec2:DescribeInstances',
  '*:GetObject',
];

const TEXT = policy([
  { Sid: 'Mixed', Effect: 'Allow', Action: ACTIONS, Resource: '*' },
  { Sid: 'Deny', Effect: 'Deny', NotAction: ACTIONS.filter((a) => a.startsWith('s3:') || a.startsWith('S3:')), Resource: '*' },
]);

const REQUESTS = ['s3:GetObject', 's3:putobject', 's3:ListBucket', 's3:GetObjectAcl', 's3:GetBucketTagging', 's3:PutObjectAcl', 'ec2:DescribeInstances', 'kms:GetObject', 'S3:DELETEOBJECT', 's3:GetObjectİ', 'iam:PassRole'];

function run(model: NonNullable<ReturnType<typeof parsePolicyText>['model']>, action: string, explain: boolean): EvaluationResult {
  return evaluate({ principal: PRINCIPAL, action, resource: '*', resourceAccount: '111122223333' }, { identity: [{ model, label: 'p' }] }, { explain });
}

/** The decision and, per statement, whether it applied and which action values matched. */
function facts(result: EvaluationResult): unknown {
  return {
    decision: result.decision,
    statements: result.explanation.policies.flatMap((p) => p.statements.map((s) => ({ sid: s.sid, applies: s.applies, matched: s.action.matched.map((m) => `${m.value}@${m.range.start}`), matches: s.action.matches }))),
  };
}

describe('action lookup table of a statement', () => {
  for (const explain of [true, false]) {
    it(`matches as the plain walk does from the second request on (explain: ${explain})`, () => {
      const reused = parsePolicyText(TEXT).model!;
      for (let round = 0; round < 3; round++) {
        for (const action of REQUESTS) {
          const fresh = parsePolicyText(TEXT).model!;
          assert.deepEqual(facts(run(reused, action, explain)), facts(run(fresh, action, explain)), `${action}, round ${round}`);
        }
      }
    });
  }

  it('lists every matching value in the policy order, literals and wildcards together', () => {
    const model = parsePolicyText(TEXT).model!;
    run(model, 's3:GetObject', true); // the first request walks; the table is built on the second
    const result = run(model, 's3:GetObject', true);
    const mixed = result.explanation.policies[0].statements[0];
    const texts = mixed.action.matched.map((m) => m.value);
    assert.deepEqual(texts, ['s3:GetObject', 's3:getobject', '*:GetObject']);
    const deny = result.explanation.policies[0].statements[1];
    assert.equal(deny.action.matches, false, 'NotAction lists s3:GetObject');
    assert.equal(result.decision, 'allowed');
  });

  it('denies an action the NotAction list misses, after the table exists', () => {
    const model = parsePolicyText(TEXT).model!;
    for (let i = 0; i < 3; i++) assert.equal(run(model, 's3:PutObjectAcl', false).decision, 'explicitDeny');
    for (let i = 0; i < 3; i++) assert.equal(run(model, 's3:PutObject', false).decision, 'allowed');
  });
});

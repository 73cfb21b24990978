// The work bound: a huge policy stops early and says so, instead of stalling or passing.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { checkNoNewAccess } from '../../../server/src/checks';
import { patternContains, patternsMayOverlap } from '../../../server/src/checks/patterns';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

const policy = (resources: string[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resources }] });

test('a comparison over the bound is cut short, FAILs and says so', () => {
  const many = Array.from({ length: 500 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`);
  const r = checkNoNewAccess(policy(many), policy([...many, 'arn:aws:s3:::other/*']), 'identity', { data, budget: 100 });
  assert.equal(r.result, 'FAIL');
  assert.equal(r.truncated, true);
  assert.match(r.message, /cut short/);
});

test('the same comparison within the bound is decided', () => {
  const many = Array.from({ length: 500 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`);
  const r = checkNoNewAccess(policy(many), policy(many.slice(1)), 'identity', { data });
  assert.equal(r.result, 'PASS');
  assert.equal(r.truncated, undefined);
});

test('pattern containment and overlap', () => {
  assert.ok(patternContains('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/*'));
  assert.ok(!patternContains('arn:aws:s3:::b/x/*', 'arn:aws:s3:::b/*'));
  assert.ok(patternContains('a?c', 'abc') && !patternContains('abc', 'a?c'));
  assert.ok(!patternContains('home/alice', 'home/${aws:username}'));
  assert.ok(patternContains('home/*', 'home/${aws:username}'));
  assert.ok(patternsMayOverlap('a*', '*b') && !patternsMayOverlap('a*', 'b*'));
  // Long patterns are compared without recursion.
  const long = `${'a*'.repeat(2000)}`;
  assert.ok(patternContains('*', long) && patternsMayOverlap(long, 'a'.repeat(2000)) && !patternsMayOverlap(long, 'a'));
});

// What a position in a policy is: the path classification hover and completion share.
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { test } from 'node:test';
import { classifyPath, slotAtNode, slotForCompletion } from '../../../server/src/explain/slots';

const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333"]}, "Action": ["s3:GetObject"], "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-1"]}}}]}';

function slotOf(word: string, nth = 0) {
  const root = parseTree(policy)!;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = policy.indexOf(word, at + 1);
  return slotAtNode(root, at + 1)?.slot;
}

test('classifies keys and values at every level of a policy', () => {
  assert.deepEqual(slotOf('"Version"'), { slot: 'policyKey', name: 'Version' });
  assert.deepEqual(slotOf('2012-10-17'), { slot: 'value', element: 'Version' });
  assert.deepEqual(slotOf('"Effect"'), { slot: 'statementKey', name: 'Effect' });
  assert.deepEqual(slotOf('"Allow"'), { slot: 'value', element: 'Effect' });
  assert.deepEqual(slotOf('"AWS"'), { slot: 'principalType', element: 'Principal', name: 'AWS' });
  assert.deepEqual(slotOf('111122223333'), { slot: 'principalValue', element: 'Principal', principalType: 'AWS' });
  assert.deepEqual(slotOf('s3:GetObject'), { slot: 'value', element: 'Action' });
  assert.deepEqual(slotOf('StringEquals'), { slot: 'conditionOperator', name: 'StringEquals' });
  assert.deepEqual(slotOf('aws:PrincipalOrgID'), { slot: 'conditionKey', operator: 'StringEquals', name: 'aws:PrincipalOrgID' });
  assert.deepEqual(slotOf('o-1'), { slot: 'conditionValue', operator: 'StringEquals', key: 'aws:PrincipalOrgID' });
});

test('reads the single-statement form and the bare "*" principal', () => {
  assert.deepEqual(classifyPath(['Statement', 'Principal'], false)?.slot, { slot: 'principalValue', element: 'Principal', principalType: '*' });
  assert.deepEqual(classifyPath(['Statement', 'Effect'], true)?.slot, { slot: 'statementKey', name: 'Effect' });
});

test('knows nothing about paths outside the policy grammar', () => {
  assert.equal(classifyPath(['Other', 0, 'Action'], false), undefined);
  assert.equal(classifyPath(['Statement', 0, 'Action', 0, 'x'], false), undefined);
});

test('finds the half-typed action string completion is asked for', () => {
  const text = '{"Statement": [{"Action": "s3:Ge';
  const slot = slotForCompletion(text, text.length);
  assert.deepEqual(slot?.slot, { slot: 'value', element: 'Action' });
  assert.equal(slot?.typed, 's3:Ge');
  assert.equal(slot?.quoted, true);
  assert.deepEqual(slot?.replace, { start: text.indexOf('"s3'), end: text.length });
});

test('sees whether a colon already follows the key being typed', () => {
  const withColon = '{"Statement": [{"Eff": "Allow"}]}';
  assert.equal(slotForCompletion(withColon, withColon.indexOf('Eff') + 3)?.hasColon, true);
  const bare = '{"Statement": [{"Effect": "Allow", ""}]}';
  const slot = slotForCompletion(bare, bare.indexOf('""') + 1);
  assert.deepEqual(slot?.slot, { slot: 'statementKey', name: '' });
  assert.equal(slot?.hasColon, false);
});

test('offers nothing just after a complete string', () => {
  const text = '{"Statement": [{"Action": "s3:GetObject"}]}';
  assert.equal(slotForCompletion(text, text.indexOf('GetObject"') + 10), undefined);
  assert.equal(slotForCompletion(text, text.indexOf('GetObject"') + 9)?.typed, 's3:GetObject');
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recentRoleArns, rememberRecentRoleArn } from '../../../client/src/commands/recentRoles';

function memento() {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T,
    update: async (key: string, value: unknown) => void values.set(key, value),
    values,
  };
}

describe('recent role ARNs', () => {
  it('keeps one list per API, so Web Identity never pre-fills a role last assumed with AssumeRole', async () => {
    const state = memento();
    await rememberRecentRoleArn(state, 'AssumeRole', 'arn:aws:iam::111122223333:role/Dev');
    assert.deepEqual(recentRoleArns(state, 'AssumeRoleWithWebIdentity'), []);
    await rememberRecentRoleArn(state, 'AssumeRoleWithWebIdentity', 'arn:aws:iam::111122223333:role/WebApp');
    assert.deepEqual(recentRoleArns(state, 'AssumeRoleWithWebIdentity'), ['arn:aws:iam::111122223333:role/WebApp']);
    assert.deepEqual(recentRoleArns(state, 'AssumeRole'), ['arn:aws:iam::111122223333:role/Dev']);
    assert.deepEqual(recentRoleArns(state, 'AssumeRoleWithSAML'), []);
  });

  it('reads the AssumeRole list from the key earlier versions wrote', () => {
    const state = memento();
    state.values.set('iamSts.recentRoleArns', ['arn:aws:iam::111122223333:role/Old', 42]);
    assert.deepEqual(recentRoleArns(state, 'AssumeRole'), ['arn:aws:iam::111122223333:role/Old']);
  });
});

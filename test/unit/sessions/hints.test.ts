import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hintFor } from '../../../client/src/sessions/hints';

describe('hints for a failed call with a session', () => {
  const global = { endpoint: 'https://sts.amazonaws.com' };
  it('says version-1 tokens of the global endpoint do not work in an opt-in Region, when the hint is on', () => {
    const hint = hintFor({ code: 'InvalidClientTokenId' }, global, 'ap-east-1', true);
    assert.equal(hint?.kind, 'regionalEndpoint');
    assert.match(hint?.message ?? '', /version-1 tokens are not valid in ap-east-1.*https:\/\/sts\.ap-east-1\.amazonaws\.com/);
  });
  it('is silent when the hint is off, the Region is enabled by default, or the session came from a regional endpoint', () => {
    assert.equal(hintFor({ code: 'AuthFailure' }, global, 'ap-east-1', false), undefined);
    assert.equal(hintFor({ code: 'AuthFailure' }, global, 'eu-west-1', true), undefined);
    assert.equal(hintFor({ code: 'AuthFailure' }, { endpoint: 'https://sts.eu-west-1.amazonaws.com' }, 'ap-east-1', true), undefined);
  });
  it('offers a refresh for ExpiredToken', () => {
    assert.equal(hintFor({ code: 'ExpiredToken' }, { endpoint: undefined }, 'us-east-1', false)?.kind, 'refresh');
  });
});

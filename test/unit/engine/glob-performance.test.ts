// Matching time must not depend on backtracking: hostile patterns decide in milliseconds.
// The bound is generous (the machine is shared); the point is linear versus quadratic-or-worse.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { arnMatches, compileArnPattern, compileGlob, globMatches } from '../../../server/src/engine';
import { evaluate } from '../../../server/src/engine';
import { policyModelFromObject } from '../../../server/src/policy/parse';
import { wildcardMatch } from '../../../server/src/iam/wildcard';

const BOUND_MS = 200;

function timed(fn: () => boolean): { result: boolean; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

describe('wildcard matching time', () => {
  it('decides a 10,000-character pattern full of stars against a 10,000-character value quickly', () => {
    const pattern = '*'.repeat(10_000);
    const value = 'a'.repeat(10_000);
    const { result, ms } = timed(() => globMatches(compileGlob(pattern), value));
    assert.equal(result, true);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(1)} ms`);
  });

  it('rejects "*a*a*…*b" against a run of a (the classic backtracking trap) quickly', () => {
    const pattern = '*a'.repeat(5_000) + '*b';
    const value = 'a'.repeat(10_000);
    const { result, ms } = timed(() => globMatches(compileGlob(pattern), value));
    assert.equal(result, false);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(1)} ms`);
  });

  it('rejects a long star-separated segment that almost matches everywhere quickly', () => {
    const pattern = `*${'a'.repeat(5_000)}b*`;
    const value = 'a'.repeat(10_000);
    const { result, ms } = timed(() => globMatches(compileGlob(pattern), value));
    assert.equal(result, false);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(1)} ms`);
  });

  it('rejects a long segment of question marks and letters quickly', () => {
    const pattern = `*${'a?'.repeat(2_500)}b*`;
    const value = 'a'.repeat(10_000);
    const { result, ms } = timed(() => globMatches(compileGlob(pattern), value));
    assert.equal(result, false);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(1)} ms`);
  });

  it('accepts a star-and-question-mark pattern that matches at the very end quickly', () => {
    const pattern = `${'*?'.repeat(4_999)}*b`;
    const value = `${'a'.repeat(9_999)}b`;
    const { result, ms } = timed(() => globMatches(compileGlob(pattern), value));
    assert.equal(result, true);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(1)} ms`);
  });

  it('evaluates a policy whose StringLike pattern is hostile quickly', () => {
    const model = policyModelFromObject({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 's3:prefix': '*a'.repeat(5_000) + '*b' } } }],
    })!;
    const start = performance.now();
    const result = evaluate(
      { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 's3:prefix': 'a'.repeat(10_000) } },
      { identity: [model] },
    );
    const ms = performance.now() - start;
    assert.equal(result.decision, 'implicitDeny');
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(1)} ms`);
  });
});

describe('wildcard matching agrees with a brute-force reference', () => {
  // Exhaustive over a small alphabet: every pattern up to 4 symbols against every value up to 4 letters.
  function reference(p: string, v: string): boolean {
    const memo = new Map<string, boolean>();
    const go = (i: number, j: number): boolean => {
      const key = `${i},${j}`;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      let r: boolean;
      if (i === p.length) r = j === v.length;
      else if (p[i] === '*') r = go(i + 1, j) || (j < v.length && go(i, j + 1));
      else r = j < v.length && (p[i] === '?' || p[i] === v[j]) && go(i + 1, j + 1);
      memo.set(key, r);
      return r;
    };
    return go(0, 0);
  }
  function* words(alphabet: string, max: number): Generator<string> {
    yield '';
    let level = [''];
    for (let n = 1; n <= max; n++) {
      const next: string[] = [];
      for (const w of level) for (const c of alphabet) next.push(w + c);
      yield* next;
      level = next;
    }
  }

  it('matches the reference for every small pattern and value', () => {
    const patterns = [...words('ab*?', 4)];
    const values = [...words('ab', 4)];
    let checked = 0;
    for (const p of patterns) {
      const glob = compileGlob(p);
      for (const v of values) {
        assert.equal(globMatches(glob, v), reference(p, v), `pattern ${JSON.stringify(p)} value ${JSON.stringify(v)}`);
        checked++;
      }
    }
    assert.equal(checked, patterns.length * values.length);
  });
});

it('an ARN pattern whose segments end in stars decides in linear time against a value full of colons', () => {
  const pattern = compileArnPattern([{ kind: 'pattern', text: `arn:aws:*:*:*:${'a*'.repeat(2000)}b` }]);
  const value = `arn:aws:${'x:'.repeat(5000)}${'a'.repeat(2000)}`;
  const start = performance.now();
  assert.equal(arnMatches(pattern, value), false);
  assert.ok(performance.now() - start < 500, `took ${(performance.now() - start).toFixed(0)} ms`);
});

// Issue 14's measured cases, as hang guards: each ran for seconds before (quadratic), and must
// now finish far inside the bound. Not a benchmark: the bound only catches a return to
// quadratic work.
describe('no quadratic matching on inputs a policy or a request can hold', () => {
  const HANG_MS = 1000;
  const longArn = `arn:${'x:'.repeat(50_000)}b`; // 100,000 characters, 50,000 colons

  it('an ARN pattern whose parts end in "*" against a 100,000-character ARN full of colons', () => {
    const pattern = compileArnPattern([{ kind: 'pattern', text: 'arn:*:*:*:*:*a*b' }]);
    const start = performance.now();
    assert.equal(arnMatches(pattern, longArn), false);
    assert.equal(arnMatches(pattern, `${longArn.slice(0, -1)}ab`), true);
    assert.ok(performance.now() - start < HANG_MS, `took ${(performance.now() - start).toFixed(0)} ms`);
  });

  it('an exact resource part after spilling parts, against the same ARN', () => {
    const pattern = compileArnPattern([{ kind: 'pattern', text: 'arn:*:*:*:*:x:b' }]);
    const start = performance.now();
    assert.equal(arnMatches(pattern, longArn), true);
    assert.equal(arnMatches(pattern, `${longArn}b`), false);
    assert.ok(performance.now() - start < HANG_MS, `took ${(performance.now() - start).toFixed(0)} ms`);
  });

  it('a Deny on "arn:*:*:*:*:*a*b" evaluated against that ARN as the request resource', () => {
    const model = policyModelFromObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:*:*:*:*:*a*b' }] })!;
    const start = performance.now();
    for (const explain of [true, false]) {
      const result = evaluate({ principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: longArn }, { identity: [model] }, { explain });
      assert.equal(result.decision, 'implicitDeny');
    }
    assert.ok(performance.now() - start < HANG_MS, `took ${(performance.now() - start).toFixed(0)} ms`);
  });

  for (const [operator, policyValue, requestValue, expected] of [
    ['ForAllValues:StringEquals', (i: number) => `tag-${i}`, (i: number) => `tag-${i}`, 'allowed'],
    ['ForAllValues:StringEqualsIgnoreCase', (i: number) => `Tag-${i}`, (i: number) => `TAG-${i}`, 'allowed'],
    ['ForAnyValue:StringEquals', (i: number) => `tag-${i}`, (i: number) => `other-${i}`, 'implicitDeny'],
    ['ForAllValues:StringNotEquals', (i: number) => `tag-${i}`, (i: number) => `other-${i}`, 'allowed'],
  ] as const) {
    it(`${operator} with 30,000 request values against 30,000 policy values, in both modes`, () => {
      const values = Array.from({ length: 30_000 }, (_, i) => policyValue(i));
      const model = policyModelFromObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { 'aws:TagKeys': values } } }] })!;
      const request = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:TagKeys': Array.from({ length: 30_000 }, (_, i) => requestValue(i)) } };
      const start = performance.now();
      const explained = evaluate(request, { identity: [model] });
      const decisionOnly = evaluate(request, { identity: [model] }, { explain: false });
      assert.equal(explained.decision, expected);
      assert.equal(decisionOnly.decision, expected);
      assert.ok(performance.now() - start < HANG_MS, `took ${(performance.now() - start).toFixed(0)} ms`);
    });
  }

  it('the linter\'s matcher on a long segment of question marks', () => {
    const start = performance.now();
    assert.equal(wildcardMatch(`*${'a?'.repeat(4_000)}b*`, 'a'.repeat(20_000)), false);
    assert.ok(performance.now() - start < HANG_MS, `took ${(performance.now() - start).toFixed(0)} ms`);
  });
});

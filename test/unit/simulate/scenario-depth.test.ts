// Deep nesting in a scenario, or in an inline policy inside one, is refused with a message at
// the first level too deep, never with a stack overflow.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadScenario, runScenario } from '../../../server/src/simulate';

const FILE = path.resolve('/work/sim/deep.iamsim.json');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('scenario nesting', () => {
  it('refuses a scenario nested 100,000 levels deep, at the first level too deep', () => {
    const text = `{"principal": "arn:aws:iam::111122223333:role/R", "tests": ${nested(100_000)}}`;
    const scenario = loadScenario(text, FILE, () => undefined);
    assert.deepEqual(scenario.tests, []);
    assert.equal(scenario.errors.length, 1);
    assert.match(scenario.errors[0].message, /^The scenario nests deeper than 72 levels/);
    assert.equal(scenario.errors[0].range.start, text.indexOf('[') + 71); // level 73, the root object being level 1
    assert.equal(runScenario(scenario).failed, 0);
  });

  it('refuses an inline policy nested deeper than a policy file may be', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:x': 'X' } } }] };
    const test = { name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' };
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', policies: { identity: policy }, tests: [test] }).replace('"X"', nested(62));
    const scenario = loadScenario(text, FILE, () => undefined);
    assert.deepEqual(scenario.errors, []);
    const [error] = scenario.tests[0].errors;
    assert.match(error.message, /^The inline identity policy nests deeper than 64 levels/);
    assert.equal(runScenario(scenario).tests[0].decision, undefined);
  });

  it('runs an inline policy nested as deep as a policy file may be', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:x': 'X' } } }] };
    // Policy 1, Statement 2, statement 3, Condition 4, operator 5: 59 arrays make 64.
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', policies: { identity: policy }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] }).replace('"X"', nested(59));
    const scenario = loadScenario(text, FILE, () => undefined);
    assert.deepEqual(scenario.tests[0].errors, []);
  });
});

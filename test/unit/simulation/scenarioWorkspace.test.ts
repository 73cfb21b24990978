// The scenario workspace: which scenarios a change re-runs, and the problems a run leaves on the
// scenario and on the policies it names. In memory: the reader stands in for open documents and disk.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ScenarioWorkspace } from '../../../server/src/scenarioWorkspace';

const ROOT = path.resolve('/work/sim');
const at = (name: string) => path.join(ROOT, name);

const identity = (effect: string, action = 's3:GetObject') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: effect, Action: action, Resource: '*' }] }, null, 2);

const scenario = (tests: object[], policies: object = { identity: './role.json' }) =>
  JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/Dev', policies, tests }, null, 2);

const readsObjects = { name: 'reads objects', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', expect: 'allowed' };

function workspaceOf(files: Record<string, string>): ScenarioWorkspace {
  return new ScenarioWorkspace((file) => files[file]);
}

describe('ScenarioWorkspace', () => {
  it('re-runs a scenario for a change to itself or to a policy it names, and nothing else', async () => {
    const files = { [at('a.iamsim.json')]: scenario([readsObjects]), [at('role.json')]: identity('Allow') };
    const ws = workspaceOf(files);
    ws.track(at('a.iamsim.json'));
    assert.deepEqual(ws.affectedBy(at('role.json')), []); // not run yet: dependencies unknown
    await ws.run(at('a.iamsim.json'));
    assert.deepEqual(ws.affectedBy(at('role.json')), [at('a.iamsim.json')]);
    assert.deepEqual(ws.affectedBy(at('a.iamsim.json')), [at('a.iamsim.json')]);
    assert.deepEqual(ws.affectedBy(at('other.json')), []);
  });

  it('leaves no problems when every expectation holds', async () => {
    const ws = workspaceOf({ [at('a.iamsim.json')]: scenario([readsObjects]), [at('role.json')]: identity('Allow') });
    const record = (await ws.run(at('a.iamsim.json')))!;
    assert.equal(record.outcome!.tests[0].result.pass, true);
    assert.deepEqual(ws.filesWithProblems(record), []);
  });

  it('puts a failed expectation on the expect value and on the Sid of the deciding statement', async () => {
    const files = { [at('a.iamsim.json')]: scenario([readsObjects]), [at('role.json')]: identity('Deny') };
    const ws = workspaceOf(files);
    await ws.run(at('a.iamsim.json'));
    const [onTest] = ws.problemsFor(at('a.iamsim.json'));
    assert.equal(onTest.problem.code, 'SIMULATION_FAILED');
    assert.equal(onTest.problem.severity, 'error');
    assert.equal(onTest.text.slice(onTest.problem.range.start, onTest.problem.range.end), '"allowed"');
    assert.match(onTest.problem.message, /^Simulation "reads objects" failed: expected allowed, got explicitDeny\. Explicit deny: \.\/role\.json statement "Read" denies s3:GetObject\.$/);
    const [onStatement] = ws.problemsFor(at('role.json'));
    assert.equal(onStatement.problem.severity, 'warning');
    assert.equal(onStatement.text.slice(onStatement.problem.range.start, onStatement.problem.range.end), '"Read"');
    assert.match(onStatement.problem.message, /^Deny statement decides "reads objects" \(a\.iamsim\.json\)/);
  });

  it('puts an implicit deny on the Statement key of the policy that lacks the Allow', async () => {
    const ws = workspaceOf({ [at('a.iamsim.json')]: scenario([readsObjects]), [at('role.json')]: identity('Allow', 's3:PutObject') });
    await ws.run(at('a.iamsim.json'));
    const [onPolicy] = ws.problemsFor(at('role.json'));
    assert.equal(onPolicy.text.slice(onPolicy.problem.range.start, onPolicy.problem.range.end), '"Statement"');
    assert.match(onPolicy.problem.message, /^No statement of \.\/role\.json allows "reads objects"/);
  });

  it('keeps problems of several scenarios on one policy apart, and clears them when a scenario is forgotten', async () => {
    const files = {
      [at('a.iamsim.json')]: scenario([readsObjects]),
      [at('b.iamsim.json')]: scenario([{ ...readsObjects, name: 'b reads' }]),
      [at('role.json')]: identity('Deny'),
    };
    const ws = workspaceOf(files);
    await ws.run(at('a.iamsim.json'));
    await ws.run(at('b.iamsim.json'));
    assert.equal(ws.problemsFor(at('role.json')).length, 2);
    ws.forget(at('b.iamsim.json'));
    assert.deepEqual(ws.problemsFor(at('role.json')).map((p) => /decides "(.*?)"/.exec(p.problem.message)?.[1]), ['reads objects']);
  });

  it('reports load errors on the scenario only, and none for a policy file that is not JSON', async () => {
    const files = {
      [at('a.iamsim.json')]: scenario([{ ...readsObjects, expect: 'allow' }], { identity: ['./missing.json', './broken.json'] }),
      [at('broken.json')]: '{"Statement": [',
    };
    const ws = workspaceOf(files);
    const record = (await ws.run(at('a.iamsim.json')))!;
    const messages = ws.problemsFor(at('a.iamsim.json')).map((p) => `${p.problem.code} ${p.problem.message}`);
    assert.ok(messages.some((m) => /^SCENARIO_ERROR Cannot read the identity policy 1 file \.\/missing\.json/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^SCENARIO_ERROR The identity policy 2 file \.\/broken\.json is not valid JSON/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^SCENARIO_ERROR Unknown "expect" value "allow"/.test(m)), messages.join('\n'));
    assert.deepEqual(ws.problemsFor(at('broken.json')), []);
    assert.equal(record.outcome!.tests[0].result.pass, false);
    assert.deepEqual(record.dependencies, [at('broken.json'), at('missing.json')]);
  });

  it('stops tracking a scenario that cannot be read any more', async () => {
    const files: Record<string, string> = { [at('a.iamsim.json')]: scenario([readsObjects]), [at('role.json')]: identity('Allow') };
    const ws = workspaceOf(files);
    await ws.run(at('a.iamsim.json'));
    delete files[at('a.iamsim.json')];
    assert.equal(await ws.run(at('a.iamsim.json')), undefined);
    assert.deepEqual(ws.files, []);
  });
});

// The scenario runner: loading with relative paths, inline policies, overrides, errors as
// data with ranges, and the files a scenario depends on.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenario, runScenario, scenarioDependencies, scenarioErrors, type ReadPolicyFile } from '../../../server/src/simulate';

const WORKLOAD = path.resolve(__dirname, '..', '..', 'fixtures', 'simulate', 'workload');
const SCENARIO_FILE = path.join(WORKLOAD, 'dev.iamsim.json');
const NOW = new Date('2025-06-01T12:00:00Z');

const readFromDisk: ReadPolicyFile = (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined);

/** An in-memory file system rooted at /work/scenarios. */
function memoryReader(files: Record<string, string>): { read: ReadPolicyFile; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (p) => {
      reads.push(p);
      return files[p];
    },
  };
}

const ROOT = path.resolve('/work/scenarios');
const allowS3 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'S3', Effect: 'Allow', Action: 's3:*', Resource: '*' }] });

describe('loading and running a scenario from disk', () => {
  const text = fs.readFileSync(SCENARIO_FILE, 'utf8');
  const scenario = loadScenario(text, SCENARIO_FILE, readFromDisk);
  const result = runScenario(scenario, { now: NOW });

  it('resolves every policy path relative to the scenario file', () => {
    assert.deepEqual(scenario.errors, []);
    assert.deepEqual(scenarioDependencies(scenario), [
      path.join(WORKLOAD, 'boundary.json'),
      path.join(WORKLOAD, 'bucket-policy.json'),
      path.join(WORKLOAD, 'dev-role.json'),
      path.join(WORKLOAD, 'rcp', 'root.json'),
      path.join(WORKLOAD, 'scp', 'root.json'),
      path.join(WORKLOAD, 'scp', 'workloads-ou.json'),
    ]);
  });

  it('decides each test as expected, and fails the one whose expectation is wrong', () => {
    assert.deepEqual(
      result.tests.map((t) => [t.name, t.decision, t.pass]),
      [
        ['dev reads the bucket', 'allowed', true],
        ['plain HTTP is refused by the bucket policy', 'explicitDeny', true],
        ['only t2.micro instances may run', 'explicitDeny', true],
        ['a narrower inline session policy stops EC2', 'implicitDeny', true],
        ['outside the organisation the RCP denies', 'explicitDeny', true],
        ['a wrong expectation fails', 'implicitDeny', false],
      ],
    );
    assert.equal(result.passed, 5);
    assert.equal(result.failed, 1);
  });

  it("gives each test's range in the scenario text", () => {
    for (const t of result.tests) {
      const slice = text.slice(t.range.start, t.range.end);
      assert.ok(slice.startsWith('{') && slice.includes(`"name": "${t.name}"`), slice);
    }
  });

  it('points the deciding statements at their files and ranges', () => {
    const denied = result.tests[2];
    assert.equal(denied.decidingStatements.length, 1);
    const [deciding] = denied.decidingStatements;
    assert.equal(deciding.file, path.join(WORKLOAD, 'scp', 'workloads-ou.json'));
    const fileText = fs.readFileSync(deciding.file, 'utf8');
    assert.match(fileText.slice(deciding.range.start, deciding.range.end), /"Sid": "RequireMicroInstanceType"/);
  });

  it('points a deciding inline statement into the scenario file itself', () => {
    const allowed = result.tests[0];
    const session = allowed.decidingStatements.find((d) => d.label === 'inline session policy');
    assert.ok(session, JSON.stringify(allowed.decidingStatements));
    assert.equal(session.file, SCENARIO_FILE);
    assert.match(text.slice(session.range.start, session.range.end), /"Sid": "SessionAllowsAll"/);
  });
});

describe('scenario overrides', () => {
  it('lets a test replace the principal and one kind of policy, keeping the others', () => {
    const files = { [path.join(ROOT, 'id.json')]: allowS3 };
    const scenarioText = JSON.stringify({
      principal: 'arn:aws:iam::111122223333:user/alice',
      policies: { identity: ['./id.json'], session: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } },
      tests: [
        { name: 'base', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', expect: 'implicitDeny' },
        { name: 'override session', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', policies: { session: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }, expect: 'allowed' },
        { name: 'clear session', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', policies: { session: null }, expect: 'allowed' },
        { name: 'other principal', principal: 'arn:aws:iam::444455556666:user/bob', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111122223333', expect: 'implicitDeny' },
      ],
    });
    const { read } = memoryReader(files);
    const result = runScenario(loadScenario(scenarioText, path.join(ROOT, 'a.iamsim.json'), read), { now: NOW });
    assert.deepEqual(result.tests.map((t) => [t.name, t.decision, t.pass]), [
      ['base', 'implicitDeny', true],
      ['override session', 'allowed', true],
      ['clear session', 'allowed', true],
      ['other principal', 'implicitDeny', true],
    ]);
  });

  it('runs a test whose principal is "anonymous": only the resource policy applies to it', () => {
    const bucket = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }] };
    const scenarioText = JSON.stringify({
      principal: 'anonymous',
      policies: { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }], resource: bucket },
      tests: [
        { name: 'reads the public site', action: 's3:GetObject', resource: 'arn:aws:s3:::site/index.html', resourceAccount: '111122223333', expect: 'allowed' },
        { name: 'cannot write it', action: 's3:PutObject', resource: 'arn:aws:s3:::site/index.html', resourceAccount: '111122223333', expect: 'implicitDeny' },
      ],
    });
    const result = runScenario(loadScenario(scenarioText, path.join(ROOT, 'anon.iamsim.json'), memoryReader({}).read), { now: NOW });
    assert.deepEqual(result.tests.map((t) => [t.name, t.decision, t.pass]), [
      ['reads the public site', 'allowed', true],
      ['cannot write it', 'implicitDeny', true],
    ]);
  });

  it('accepts "trust" as the name of a role\'s resource policy', () => {
    const scenarioText = JSON.stringify({
      principal: 'arn:aws:iam::111122223333:user/alice',
      policies: { trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' }] } },
      tests: [{ name: 'assume', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/Deploy', expect: 'allowed' }],
    });
    const result = runScenario(loadScenario(scenarioText, path.join(ROOT, 't.iamsim.json'), () => undefined), { now: NOW });
    assert.equal(result.tests[0].pass, true, result.tests[0].explanation?.summary);
  });

  it('reads each policy file once however many tests use it', () => {
    const files = { [path.join(ROOT, 'id.json')]: allowS3 };
    const reader = memoryReader(files);
    const scenarioText = JSON.stringify({
      principal: 'arn:aws:iam::111122223333:user/alice',
      policies: { identity: ['./id.json'] },
      tests: [
        { name: 'one', action: 's3:GetObject', resource: '*', policies: { identity: ['id.json'] }, expect: 'allowed' },
        { name: 'two', action: 's3:GetObject', resource: '*', expect: 'allowed' },
      ],
    });
    const result = runScenario(loadScenario(scenarioText, path.join(ROOT, 'a.iamsim.json'), reader.read), { now: NOW });
    assert.deepEqual(reader.reads, [path.join(ROOT, 'id.json')]);
    assert.equal(result.passed, 2);
  });

  it('uses the scenario clock and credentials for time-based conditions', () => {
    const revoke = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:TokenIssueTime': '2025-06-01T10:00:00Z' } } }] };
    const scenarioText = JSON.stringify({
      principal: 'arn:aws:sts::111122223333:assumed-role/Dev/s1',
      credentials: { issuedBy: 'AssumeRole', issuedAt: '2025-06-01T09:00:00Z' },
      policies: { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, revoke] },
      tests: [
        { name: 'old session', action: 's3:GetObject', resource: '*', expect: 'explicitDeny' },
        { name: 'new session', action: 's3:GetObject', resource: '*', credentials: { issuedBy: 'AssumeRole', issuedAt: '2025-06-01T11:00:00Z' }, expect: 'allowed' },
      ],
    });
    const result = runScenario(loadScenario(scenarioText, path.join(ROOT, 'r.iamsim.json'), () => undefined), { now: NOW });
    assert.deepEqual(result.tests.map((t) => t.pass), [true, true]);
  });
});

describe('scenario errors are data with ranges', () => {
  function load(text: string, files: Record<string, string> = {}) {
    return loadScenario(text, path.join(ROOT, 'bad.iamsim.json'), memoryReader(files).read);
  }

  it('reports malformed JSON with its position and runs no test', () => {
    const text = '{ "principal": "arn:aws:iam::111122223333:user/alice", "tests": [ { "name": "x", } ';
    const scenario = load(text);
    assert.ok(scenario.errors.length > 0);
    assert.match(scenario.errors[0].message, /Invalid JSON/);
    assert.ok(scenario.errors.every((e) => e.range.start >= 0 && e.range.start <= text.length));
  });

  it('reports a missing policy file at the path that names it, and fails the tests that need it', () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', policies: { identity: ['./missing.json'] }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] });
    const scenario = load(text);
    const result = runScenario(scenario, { now: NOW });
    assert.equal(result.tests[0].pass, false);
    assert.equal(result.tests[0].decision, undefined);
    const [error] = result.tests[0].errors;
    assert.match(error.message, /Cannot read the identity policy file \.\/missing\.json/);
    assert.equal(text.slice(error.range.start, error.range.end), '"./missing.json"');
    assert.deepEqual(scenarioDependencies(scenario), [path.join(ROOT, 'missing.json')]);
  });

  it('reports a policy file that is not valid JSON, in the scenario and in the policy file', () => {
    const policyFile = path.join(ROOT, 'broken.json');
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', policies: { identity: ['broken.json'] }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] });
    const scenario = load(text, { [policyFile]: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow" ' });
    const errors = scenarioErrors(scenario);
    assert.ok(errors.some((e) => e.file === scenario.filePath && /not valid JSON/.test(e.message)));
    assert.ok(errors.some((e) => e.file === policyFile));
  });

  it('reports a file that is JSON but not a policy', () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', policies: { boundary: 'notes.json' }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] });
    const scenario = load(text, { [path.join(ROOT, 'notes.json')]: '{ "hello": 1 }' });
    assert.match(scenario.tests[0].errors[0].message, /not an IAM policy/);
  });

  it('reports an unknown expect value at the value', () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'deny' }] });
    const scenario = load(text);
    const [error] = scenario.tests[0].errors;
    assert.match(error.message, /Unknown "expect" value "deny"/);
    assert.equal(text.slice(error.range.start, error.range.end), '"deny"');
    assert.equal(runScenario(scenario).tests[0].pass, false);
  });

  it('reports missing test fields and a missing principal', () => {
    const text = JSON.stringify({ tests: [{ name: 't', expect: 'allowed' }] });
    const messages = load(text).tests[0].errors.map((e) => e.message);
    assert.ok(messages.some((m) => /needs "action"/.test(m)));
    assert.ok(messages.some((m) => /needs "resource"/.test(m)));
    assert.ok(messages.some((m) => /needs a "principal"/.test(m)));
  });

  it('reports a scenario without tests', () => {
    assert.match(load('{ "principal": "arn:aws:iam::111122223333:user/alice" }').errors[0].message, /"tests" must be a list/);
  });

  it('reports an SCP level that is not a list, an unknown policy kind, and resource given twice', () => {
    const text = JSON.stringify({
      principal: 'arn:aws:iam::111122223333:user/alice',
      policies: { scp: ['root.json'], permissions: 'x.json', resource: { Statement: [] }, trust: { Statement: [] } },
      tests: [],
    });
    const messages = load(text).errors.map((e) => e.message);
    assert.ok(messages.some((m) => /level 1 of "scp" must be a list/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /Unknown policy kind "permissions"/.test(m)));
    assert.ok(messages.some((m) => /either "resource" or "trust"/.test(m)));
  });

  it('reports an inline policy without a Statement', () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', policies: { session: { Version: '2012-10-17' } }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] });
    assert.match(load(text).tests[0].errors[0].message, /inline session policy needs a "Statement"/);
  });

  it('never throws when the reader throws', () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', policies: { identity: ['x.json'] }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] });
    const scenario = loadScenario(text, path.join(ROOT, 'a.iamsim.json'), () => {
      throw new Error('EACCES');
    });
    assert.match(scenario.tests[0].errors[0].message, /Cannot read/);
  });
});

// The built CLI (dist/cli.js), run as a user runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('lint --format json lists each policy with zero-based ranges and exits 1 on an ERROR', () => {
  const r = run('lint', '--format', 'json', 'examples/policies');
  assert.equal(r.code, 1);
  const results = JSON.parse(r.stdout) as Array<{ file: string; kind: string; findings: Array<{ code: string; type: string; message: string; range: { start: { line: number; character: number } } }> }>;
  assert.deepEqual(results.map((x) => path.basename(x.file)).sort(), ['app-data-read.json', 'broken-effect.json']);
  const broken = results.find((x) => x.file.endsWith('broken-effect.json'))!;
  assert.equal(broken.kind, 'identity');
  const effect = broken.findings.find((f) => f.code === 'INVALID_EFFECT')!;
  assert.equal(effect.type, 'ERROR');
  assert.deepEqual(effect.range.start, { line: 5, character: 16 });
});

test('lint skips JSON that is not a policy when walking a folder', () => {
  const r = run('lint', '--format', 'json', 'examples');
  const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => x.file);
  assert.ok(!files.some((f) => f.endsWith('package.json')));
  assert.ok(files.some((f) => f.endsWith('vendor-role-trust.json')));
});

test('lint exits 0 when only warnings are found, and --own-accounts silences the third-party check', () => {
  const trust = 'examples/trust/vendor-role-trust.json';
  const before = run('lint', '--format', 'json', trust);
  assert.equal(before.code, 0);
  const codes = (s: string) => (JSON.parse(s) as Array<{ findings: Array<{ code: string }> }>)[0].findings.map((f) => f.code);
  assert.ok(codes(before.stdout).includes('MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'));
  const after = run('lint', '--format', 'json', '--own-accounts', '444455556666', trust);
  assert.ok(!codes(after.stdout).includes('MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'));
  assert.equal(after.code, 0);
});

test('lint --kind forces the document kind', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-cli-'));
  const file = path.join(dir, 'p.json');
  writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }));
  const r = run('lint', '--format', 'json', '--kind', 'trust', file);
  const [result] = JSON.parse(r.stdout) as Array<{ kind: string; findings: Array<{ code: string }> }>;
  assert.equal(result.kind, 'trust');
  assert.ok(result.findings.length > 0);
});

test('lint --format sarif writes SARIF 2.1.0 with one-based regions', () => {
  const r = run('lint', '--format', 'sarif', 'examples/policies/broken-effect.json');
  const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }> };
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results.find((x) => x.ruleId === 'INVALID_EFFECT')!;
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region.startLine, 6);
  assert.deepEqual(result.locations[0].physicalLocation.region.startColumn, 17);
});

test('bad usage exits 2 with the reason and the usage text', () => {
  for (const args of [['lint'], ['lint', '--kind', 'nonsense', 'x.json'], ['lint', '--format', 'xml', 'x.json'], ['frobnicate'], ['lint', 'no/such/path']]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /iam-sts: .+\n\nUsage:/);
  }
});

test('simulate reports each test and exits 1 when an expectation fails', () => {
  const r = run('simulate', 'test/fixtures/simulate/workload');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /✓ dev reads the bucket: allowed/);
  assert.match(r.stdout, /✗ a wrong expectation fails: expected allowed, got implicitDeny/);
  assert.match(r.stdout, /^5 passed, 1 failed$/m);
});

test('simulate --format json gives name, decision, expected, pass and explanation per test', () => {
  const r = run('simulate', '--format', 'json', 'test/fixtures/simulate/workload/dev.iamsim.json');
  const [file] = JSON.parse(r.stdout) as Array<{ file: string; results: Array<{ name: string; decision: string; expected: string; pass: boolean; explanation: { summary: string } }> }>;
  const first = file.results[0];
  assert.deepEqual([first.name, first.decision, first.expected, first.pass], ['dev reads the bucket', 'allowed', 'allowed', true]);
  assert.match(first.explanation.summary, /ReadAppData/);
});

test('simulate reports a scenario that names a missing policy file as an error', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-sim-'));
  const file = path.join(dir, 'x.iamsim.json');
  writeFileSync(file, JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', policies: { identity: ['./missing.json'] }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] }));
  const r = run('simulate', file);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /missing\.json/);
});

test('lint takes templates and .tf files: --format json names each finding\'s policy and its range in the host file', () => {
  const r = run('lint', '--format', 'json', 'examples/cloudformation', 'examples/terraform');
  assert.equal(r.code, 0);
  type Result = { file: string; kind?: string; policies: Array<{ policy: string; kind: string; range: { start: { line: number } } }>; findings: Array<{ code: string; policy: string; range: { start: { line: number; character: number } } }> };
  const results = JSON.parse(r.stdout) as Result[];
  const template = results.find((x) => x.file.endsWith('vendor-role.yaml'))!;
  assert.equal(template.kind, undefined);
  assert.deepEqual(template.policies.map((p) => [p.policy, p.kind, p.range.start.line]), [
    ['VendorRole.AssumeRolePolicyDocument', 'trust', 11],
    ['VendorRole.Policies[0].PolicyDocument', 'identity', 20],
  ]);
  const external = template.findings.find((f) => f.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL')!;
  assert.equal(external.policy, 'VendorRole.AssumeRolePolicyDocument');
  // On the !Sub that names the vendor's account (its parameter's default).
  assert.deepEqual(external.range.start, { line: 15, character: 19 });
  const tf = results.find((x) => x.file.endsWith('main.tf'))!;
  assert.deepEqual(tf.policies.map((p) => [p.policy, p.kind]), [
    ['data.aws_iam_policy_document.vendor_trust', 'trust'],
    ['aws_iam_role_policy.read_reports.policy', 'identity'],
  ]);
  assert.deepEqual(tf.findings.find((f) => f.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL')!.range.start, { line: 7, character: 21 });
});

test('lint --format sarif puts a template\'s findings on host positions and names the policy', () => {
  const r = run('lint', '--format', 'sarif', 'examples/terraform/main.tf');
  const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; properties: { documentKind: string }; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } }; logicalLocations: Array<{ name: string }> }> }> }> };
  const result = sarif.runs[0].results.find((x) => x.ruleId === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL')!;
  assert.deepEqual(result.locations[0].physicalLocation.region.startLine, 8);
  assert.deepEqual(result.locations[0].physicalLocation.region.startColumn, 22);
  assert.deepEqual(result.locations[0].logicalLocations, [{ name: 'data.aws_iam_policy_document.vendor_trust', kind: 'object' }]);
  assert.equal(result.properties.documentKind, 'trust');
});

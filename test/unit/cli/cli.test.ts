// The built CLI (dist/cli.js), run as a user runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
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

test('simulate refuses policy paths outside the root folder and files that are not regular, without hanging', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-sim-'));
  spawnSync('mkfifo', [path.join(dir, 'fifo.json')]);
  const file = path.join(dir, 'x.iamsim.json');
  const identity = ['/etc/passwd', '../outside.json', './fifo.json', '/dev/zero'];
  writeFileSync(file, JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', policies: { identity }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] }));
  const outsideCwd = run('simulate', file);
  assert.equal(outsideCwd.code, 1);
  assert.equal(outsideCwd.stdout.match(/outside the current folder/g)?.length, 4, outsideCwd.stdout);
  const started = Date.now();
  const inRoot = spawnSync(process.execPath, [cli, 'simulate', '--root', dir, file], { cwd: root, encoding: 'utf8', timeout: 10_000 });
  assert.ok(Date.now() - started < 5000);
  assert.equal(inRoot.status, 1);
  assert.match(inRoot.stdout, /fifo\.json .*not a regular file/);
  assert.match(inRoot.stdout, /\/etc\/passwd .*outside the folder/);
});

test('simulate reports a scenario nested too deep as an error of that scenario, not a stack overflow', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-sim-'));
  const file = path.join(dir, 'deep.iamsim.json');
  writeFileSync(file, `{"principal": "arn:aws:iam::111122223333:role/R", "tests": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  const r = run('simulate', file);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stderr, /call stack/);
  assert.match(r.stdout, /deep\.iamsim\.json:1:\d+: The scenario nests deeper than 72 levels/);
});

const policyText = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

test('lint text output escapes terminal codes and line breaks from the policy, so each finding stays one line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-esc-'));
  writeFileSync(path.join(dir, 'p.json'), policyText('s3:Get\u001b[2J\u001b]0;owned\u0007Object\nfake.json:1:1: ERROR FAKE: forged\u202e'));
  const r = run('lint', dir);
  assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  assert.doesNotMatch(r.stdout, /^fake\.json/m);
  assert.match(r.stdout, /s3:Get\\u001b\[2J\\u001b\]0;owned\\u0007Object\\nfake\.json:1:1: ERROR FAKE: forged\\u202e/);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.slice(0, -1).every((l) => l.startsWith(path.join(dir, 'p.json'))), r.stdout);
});

test('simulate text output escapes control characters in test names and messages', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-esc-'));
  const file = path.join(dir, 'x.iamsim.json');
  writeFileSync(file, JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/a', policies: { identity: JSON.parse(policyText('s3:GetObject')) }, tests: [{ name: 'ok\u001b[2J\n  ✓ forged: allowed', action: 's3:GetObject', resource: '*', expect: 'allowed' }] }));
  const r = run('simulate', file);
  assert.doesNotMatch(r.stdout, /\u001b/);
  assert.match(r.stdout, /✓ ok\\u001b\[2J\\n {2}✓ forged: allowed: allowed/);
  assert.equal(r.stdout.trimEnd().split('\n').length, 3);
});

test('lint skips a large non-policy JSON file, and reports a large policy as FILE_TOO_LARGE', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-big-'));
  writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ packages: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`node_modules/p${i}`, { version: '1.0.0', resolved: 'x'.repeat(20) }])) }));
  writeFileSync(path.join(dir, 'huge.json'), JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 20_000 }, (_, i) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b${i}/*` })) }));
  const r = run('lint', '--format', 'json', dir);
  const results = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ code: string }> }>;
  assert.deepEqual(results.map((x) => [path.basename(x.file), x.findings.map((f) => f.code)]), [['huge.json', ['FILE_TOO_LARGE']]]);
  assert.equal(r.code, 1);
});

test('lint follows symbolic links to files and folders, and says what it skipped: loops, broken links, FIFOs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-links-'));
  mkdirSync(path.join(dir, 'real'));
  writeFileSync(path.join(dir, 'real', 'p.json'), policyText('s3:GetObject'));
  symlinkSync(path.join(dir, 'real', 'p.json'), path.join(dir, 'linked.json'));
  symlinkSync(path.join(dir, 'real'), path.join(dir, 'real', 'again')); // a folder loop
  symlinkSync(path.join(dir, 'nothing.json'), path.join(dir, 'broken.json'));
  symlinkSync(path.join(dir, 'loop-a.json'), path.join(dir, 'loop-b.json'));
  symlinkSync(path.join(dir, 'loop-b.json'), path.join(dir, 'loop-a.json'));
  spawnSync('mkfifo', [path.join(dir, 'fifo.json')]);
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', dir], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => path.relative(dir, x.file)).sort();
  assert.deepEqual(files, ['linked.json', path.join('real', 'p.json')]);
  assert.match(r.stderr, /skipped .*broken\.json: a symbolic link to nothing/);
  assert.match(r.stderr, /skipped .*loop-a\.json: its symbolic links form a loop/);
  assert.match(r.stderr, /skipped .*fifo\.json: not a regular file/);
  assert.match(r.stderr, /skipped .*again: a symbolic link back to a folder already walked/);
});

test('lint names what is wrong with a path: a symbolic link loop, a FIFO, /dev/null', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-paths-'));
  symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
  symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
  spawnSync('mkfifo', [path.join(dir, 'fifo')]);
  const loop = run('lint', path.join(dir, 'a'));
  assert.equal(loop.code, 2);
  assert.match(loop.stderr, /a: its symbolic links form a loop/);
  for (const p of [path.join(dir, 'fifo'), '/dev/null']) {
    const r = spawnSync(process.execPath, [cli, 'lint', p], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2, p);
    assert.match(r.stderr, /is not a file or a folder/);
    assert.doesNotMatch(r.stderr, /ENOTDIR|scandir/);
  }
});

test('an unreadable file is that file\'s error; the other files are still checked', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-unreadable-'));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'a.json'), policyText('s3:GetObject'));
  writeFileSync(path.join(dir, 'b.json'), policyText('s3:GetObject'));
  chmodSync(path.join(dir, 'a.json'), 0o000);
  // Root reads any file: as root, the CLI runs as nobody.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [cli, 'lint', dir], { cwd: os.tmpdir(), encoding: 'utf8', ...asUser });
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stderr, /Usage:/);
  assert.match(r.stdout, /a\.json:1:1: ERROR FILE_UNREADABLE: cannot read the file: permission denied/);
  assert.match(r.stdout, /^2 policies checked/m);
});

test('no arguments prints the usage on stderr and exits 2; --help prints it on stdout', () => {
  const none = run();
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^Usage:/);
  const help = run('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage:/);
});

test('simulate --format json of many tests is one valid JSON document', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-many-'));
  const file = path.join(dir, 'many.iamsim.json');
  const tests = Array.from({ length: 2000 }, (_, i) => ({ name: `t${i}`, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', expect: 'allowed' }));
  writeFileSync(file, JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/a', policies: { identity: JSON.parse(policyText('s3:GetObject')) }, tests }));
  const r = spawnSync(process.execPath, [cli, 'simulate', '--format', 'json', file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  assert.equal(r.status, 0, r.stderr);
  const [result] = JSON.parse(r.stdout) as Array<{ results: Array<{ pass: boolean; explanation: { summary: string } }> }>;
  assert.equal(result.results.length, 2000);
  assert.ok(result.results.every((t) => t.pass && t.explanation.summary));
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

// What a scenario may read: regular files inside the allowed folder, bounded in size. Devices,
// FIFOs, paths and symbolic links that lead outside, and oversized files are refused with a
// reason, and the refusal lands on the path string in the scenario.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadScenarioReading, readFileSafely, type ReadResult, type SafeReadLimits } from '../../../server/src/simulate';

const base = mkdtempSync(path.join(os.tmpdir(), 'iamsts-read-'));
const root = path.join(base, 'workspace');
mkdirSync(path.join(root, 'policies'), { recursive: true });
writeFileSync(path.join(base, 'outside.json'), '{"Statement": []}');
writeFileSync(path.join(root, 'policies', 'role.json'), '{"Statement": []}');
writeFileSync(path.join(root, 'big.json'), 'x'.repeat(2048));
execFileSync('mkfifo', [path.join(root, 'fifo.json')]);
symlinkSync(path.join(base, 'outside.json'), path.join(root, 'escape.json'));
symlinkSync(path.join(root, 'policies', 'role.json'), path.join(root, 'alias.json'));
symlinkSync(path.join(root, 'loop-a.json'), path.join(root, 'loop-b.json'));
symlinkSync(path.join(root, 'loop-b.json'), path.join(root, 'loop-a.json'));

after(() => rmSync(base, { recursive: true, force: true }));

const limits: SafeReadLimits = { roots: [root], rootsName: 'the workspace folder', maxBytes: 1024, timeoutMs: 2000 };
const read = (p: string) => readFileSafely(path.resolve(root, p), limits);
const refusal = (r: ReadResult) => (typeof r === 'object' && r ? r.refused : `not refused: ${JSON.stringify(r)}`);

describe('readFileSafely', () => {
  it('reads a regular file inside the folder, also through a symbolic link that stays inside', async () => {
    assert.equal(await read('policies/role.json'), '{"Statement": []}');
    assert.equal(await read('alias.json'), '{"Statement": []}');
  });

  it('says nothing is there for a missing file', async () => {
    assert.equal(await read('missing.json'), undefined);
  });

  it('refuses devices, FIFOs and folders without blocking on them', async () => {
    const started = Date.now();
    assert.match(refusal(await read('fifo.json')), /not a regular file/);
    assert.match(refusal(await read('policies')), /not a regular file/);
    assert.match(refusal(await readFileSafely('/dev/zero', { ...limits, roots: ['/dev'] })), /not a regular file/);
    assert.ok(Date.now() - started < 1000);
  });

  it('refuses paths outside the folder: absolute, climbing out, or through a symbolic link', async () => {
    assert.match(refusal(await read('/etc/passwd')), /outside the workspace folder/);
    assert.match(refusal(await read('../outside.json')), /outside the workspace folder/);
    assert.match(refusal(await read('../../../../etc/passwd')), /outside the workspace folder/);
    assert.match(refusal(await read('escape.json')), /leads outside the workspace folder through a symbolic link/);
  });

  it('refuses a file over the size bound and a symbolic link loop', async () => {
    assert.match(refusal(await read('big.json')), /larger than 1 KB/);
    assert.match(refusal(await read('loop-a.json')), /loop/);
  });
});

describe('loadScenarioReading', () => {
  it('puts each refusal on the path string that named the file', async () => {
    const paths = ['/dev/zero', './fifo.json', '/etc/passwd', '../../x.json', './escape.json', './policies/role.json'];
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', policies: { identity: paths }, tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'allowed' }] }, null, 2);
    const scenario = await loadScenarioReading(text, path.join(root, 'a.iamsim.json'), (f) => readFileSafely(f, limits));
    const errors = scenario.tests[0].errors.filter((e) => e.file === scenario.filePath);
    const byPath = new Map(errors.map((e) => [JSON.parse(text.slice(e.range.start, e.range.end)) as string, e.message]));
    assert.match(byPath.get('/dev/zero')!, /outside the workspace folder/);
    assert.match(byPath.get('./fifo.json')!, /not a regular file/);
    assert.match(byPath.get('/etc/passwd')!, /outside the workspace folder/);
    assert.match(byPath.get('../../x.json')!, /outside the workspace folder/);
    assert.match(byPath.get('./escape.json')!, /symbolic link/);
    assert.equal(byPath.has('./policies/role.json'), false);
  });
});

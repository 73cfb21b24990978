// `simulate` writes its report as it goes, in bounded chunks: 100,000 tests are more text than
// one string may hold once each carries its explanation.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { simulateCommand } from '../../../server/src/cli/simulate';

function collector() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, chunks };
}

test('--format json streams 100,000 test results in chunks of at most about 64 KB, as one JSON document', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-many-'));
  try {
    const file = path.join(dir, 'many.iamsim.json');
    // Tests without "expect" do not run: their results are small, and the test is quick.
    const tests = Array.from({ length: 100_000 }, (_, i) => ({ name: `t${i}`, action: 's3:GetObject', resource: '*' }));
    writeFileSync(file, JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/alice', tests }));
    const { stream, chunks } = collector();
    const code = await simulateCommand(['--format', 'json', '--root', dir, file], stream);
    assert.equal(code, 1);
    assert.ok(chunks.length > 50, `${chunks.length} writes`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < 70_000, `largest write ${Math.max(...chunks.map((c) => c.length))} characters`);
    const [result] = JSON.parse(chunks.join('')) as Array<{ file: string; results: Array<{ name: string; pass: boolean }> }>;
    assert.equal(result.file, file);
    assert.equal(result.results.length, 100_000);
    assert.deepEqual(result.results[99_999], { name: 't99999', pass: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--format json of no scenario at all is an empty list', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iamsts-none-'));
  try {
    const { stream, chunks } = collector();
    assert.equal(await simulateCommand(['--format', 'json', dir], stream), 0);
    assert.deepEqual(JSON.parse(chunks.join('')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

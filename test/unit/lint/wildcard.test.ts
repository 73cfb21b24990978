// The linear wildcard matcher (cases in test/fixtures/lint/data/wildcard.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { wildcardMatch } from '../../../server/src/iam/wildcard';

interface WildcardCase {
  name: string;
  pattern: string;
  input: string;
  ignoreCase: boolean;
  expected: boolean;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'lint', 'data', 'wildcard.json'), 'utf8')) as WildcardCase[];

for (const c of cases) {
  test(c.name, () => assert.equal(wildcardMatch(c.pattern, c.input, c.ignoreCase), c.expected));
}

test('a pathological pattern finishes quickly because no segment is retried', () => {
  const pattern = `${'*a'.repeat(2000)}*b`;
  const input = 'a'.repeat(20000);
  const start = performance.now();
  assert.equal(wildcardMatch(pattern, input), false);
  assert.ok(performance.now() - start < 1000, 'took too long');
});

// detectKind: user globs, then the file name, then the content (cases in test/fixtures/lint/kinds).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectKind, type KindOverride } from '../../../server/src/policy/kinds';
import type { DocumentKind } from '../../../server/src/policy/model';
import { policyModelFromObject } from '../../../server/src/policy/parse';

interface KindCase {
  name: string;
  fileName: string;
  overrides?: KindOverride[];
  policy: unknown;
  expected: DocumentKind;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'lint', 'kinds', 'detect-kind.json'), 'utf8')) as KindCase[];

for (const c of cases) {
  test(c.name, () => {
    const model = policyModelFromObject(c.policy);
    assert.ok(model);
    assert.equal(detectKind(c.fileName, model, c.overrides), c.expected);
  });
}

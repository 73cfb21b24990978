// Runs every JSON case file under test/fixtures/engine: one test per case, grouped by file.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixtureFiles, readFixture, runCase } from './fixture-cases';

const files = fixtureFiles();

describe('engine case files', () => {
  it('holds several hundred cases', () => {
    const total = files.reduce((n, f) => n + readFixture(f).cases.length, 0);
    assert.ok(total >= 300, `only ${total} cases`);
  });
});

for (const file of files) {
  const fixture = readFixture(file);
  describe(`${file}: ${fixture.topic}`, () => {
    for (const c of fixture.cases) {
      it(String(c.name), () => runCase(fixture, c));
    }
  });
}

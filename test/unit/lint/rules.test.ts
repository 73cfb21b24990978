// Every case in test/fixtures/lint/*.json: the codes it must and must not raise, where, with what
// message and with what fix data.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { LINT_RULES } from '../../../server/src/lint';
import { loadCaseFiles, runCase } from './lintCases';

const caseFiles = loadCaseFiles();
let data: IamData;
before(async () => {
  data = await loadIamData();
});

for (const { file, cases } of caseFiles) {
  describe(file, () => {
    for (const c of cases) {
      test(c.name, () => {
        const { text, findings } = runCase(c, data);
        const codes = findings.map((f) => f.code);
        const summary = findings.map((f) => `${f.code} @ ${text.slice(f.range.start, f.range.end)}`).join('\n');
        for (const code of c.expected.fires ?? []) assert.ok(codes.includes(code), `expected ${code}; got:\n${summary}`);
        for (const code of c.expected.notFires ?? []) assert.ok(!codes.includes(code), `did not expect ${code}; got:\n${summary}`);
        for (const [code, source] of Object.entries(c.expected.at ?? {})) {
          const f = findings.find((x) => x.code === code);
          assert.ok(f, `expected ${code}`);
          assert.equal(text.slice(f.range.start, f.range.end), source);
        }
        for (const [code, expectedData] of Object.entries(c.expected.data ?? {})) {
          assert.deepEqual(findings.find((x) => x.code === code)?.data, expectedData);
        }
        for (const [code, message] of Object.entries(c.expected.message ?? {})) {
          assert.equal(findings.find((x) => x.code === code)?.message, message, code);
        }
        for (const [code, type] of Object.entries(c.expected.type ?? {})) {
          assert.equal(findings.find((x) => x.code === code)?.type, type, code);
        }
        for (const [code, n] of Object.entries(c.expected.count ?? {})) assert.equal(codes.filter((x) => x === code).length, n, code);
      });
    }
  });
}

describe('fixture coverage', () => {
  const all = caseFiles.flatMap((f) => f.cases);
  for (const rule of LINT_RULES) {
    test(`${rule.code} has a case where it fires and one where it must not`, () => {
      assert.ok(all.some((c) => c.expected.fires?.includes(rule.code)), `no case fires ${rule.code}`);
      assert.ok(all.some((c) => c.expected.notFires?.includes(rule.code)), `no case forbids ${rule.code}`);
    });
  }
});

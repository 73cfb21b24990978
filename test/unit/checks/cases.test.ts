// Every case in test/fixtures/checks/*.json: the verdict, and for a FAIL the statements the
// reasons name and what each reason says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { checkAccessNotGranted, checkNoNewAccess, checkNoPublicAccess, type CheckResult } from '../../../server/src/checks';

interface Expected {
  result: 'PASS' | 'FAIL';
  reasons?: Array<{ statementIndex: number; includes?: string[]; excludes?: string[] }>;
}

interface CheckCase {
  name: string;
  doc: string;
  policyType?: string;
  resourceType?: string;
  existing?: unknown;
  new?: unknown;
  policy?: unknown;
  access?: Array<{ actions?: string[]; resources?: string[] }>;
  expected: Expected;
}

const dir = path.resolve(__dirname, '../../fixtures/checks');
const files = ['no-new-access.json', 'no-public-access.json', 'access-not-granted.json'];

/** A list of statements is the Statement of a 2012-10-17 policy; an object is the whole policy. */
function policyText(p: unknown): string {
  return JSON.stringify(Array.isArray(p) ? { Version: '2012-10-17', Statement: p } : p);
}

function run(file: string, c: CheckCase, data: IamData): CheckResult {
  if (file === 'no-new-access.json') return checkNoNewAccess(policyText(c.existing), policyText(c.new), (c.policyType ?? 'identity') as never, { data });
  if (file === 'no-public-access.json') return checkNoPublicAccess(policyText(c.policy), c.resourceType!, { data });
  return checkAccessNotGranted(policyText(c.policy), (c.policyType ?? 'identity') as never, c.access!, { data });
}

let data: IamData;
before(async () => {
  data = await loadIamData();
});

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { cases: CheckCase[] };
  describe(file, () => {
    test('has at least 25 cases, each citing an AWS page', () => {
      assert.ok(cases.length >= 25, `${cases.length} cases`);
      for (const c of cases) assert.match(c.doc, /^https:\/\/docs\.aws\.amazon\.com\//, c.name);
    });
    for (const c of cases) {
      test(c.name, () => {
        const r = run(file, c, data);
        const said = r.reasons.map((x) => `#${x.statementIndex}: ${x.description}`).join('\n');
        assert.equal(r.result, c.expected.result, `${r.message}\n${said}`);
        assert.ok(r.message.length > 0);
        if (c.expected.result === 'PASS') assert.deepEqual(r.reasons, []);
        else assert.ok(r.reasons.length > 0, 'a FAIL gives its reasons');
        for (const want of c.expected.reasons ?? []) {
          const reason = r.reasons.find((x) => x.statementIndex === want.statementIndex);
          assert.ok(reason, `no reason on statement ${want.statementIndex}:\n${said}`);
          // A long list of actions is cut short in the description; the reason's details hold all of them.
          const actions = r.details?.find((d) => d.statementIndex === want.statementIndex)?.actions ?? [];
          const text = `${reason.description}\n${actions.join(' ')}`;
          for (const s of want.includes ?? []) assert.ok(text.includes(s), `"${s}" not in: ${text.slice(0, 2000)}`);
          for (const s of want.excludes ?? []) assert.ok(!text.includes(s), `"${s}" in: ${text.slice(0, 2000)}`);
        }
      });
    }
  });
}

// Hang guards: inputs the settings allow, once quadratic (tens of seconds), each finishing well
// inside a generous bound. A guard against a return of the quadratic work, not a benchmark.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { analyzePolicyText } from '../../../server/src/analysis/analyzePolicy';
import { ScenarioWorkspace } from '../../../server/src/scenarioWorkspace';
import { policyWithStatements, scenarioOfBadTests, trustPolicyWithPrincipals } from './generated';

/** Before the fixes these took 40–60 s on the build machine; linear, they take 1–3 s on a loaded one. */
const BOUND_MS = 8000;
let data: IamData;
before(async () => {
  data = await loadIamData();
  // Compiles every rule once, so the bound measures the work, not the start-up.
  await analyzePolicyText(trustPolicyWithPrincipals(3), { kind: () => 'trust', lint: { data, ownAccounts: [] } });
  await analyzePolicyText(policyWithStatements(3), { kind: () => 'identity', lint: { data, ownAccounts: [] } });
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('large inputs finish within their bound', () => {
  it('lints a trust policy of 4,000 principals', async () => {
    const text = trustPolicyWithPrincipals(4000);
    const { value, ms } = await timed(() => analyzePolicyText(text, { kind: () => 'trust', lint: { data, ownAccounts: [] } }));
    assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
    // Every account is a third party without an external ID and without MFA: two findings each.
    assert.equal(value.problems.filter((p) => p.code === 'MISSING_MFA_FOR_HUMAN_PRINCIPAL').length, 4000);
  });

  it('lints an identity policy of 12,000 statements (about 900 KB)', async () => {
    const text = policyWithStatements(12000);
    const { value, ms } = await timed(() => analyzePolicyText(text, { kind: () => 'identity', lint: { data, ownAccounts: [] } }));
    assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
    assert.ok(value.model && value.model.statements.length === 12000);
  });

  it('merges the problems of a scenario of 40,000 bad tests (80 KB)', async () => {
    const file = path.resolve('/work/sim/bad.iamsim.json');
    const text = scenarioOfBadTests(40000);
    const ws = new ScenarioWorkspace((f) => (f === file ? text : undefined));
    const { value, ms } = await timed(() => ws.run(file));
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    assert.equal(value!.outcome!.problems.get(file)!.length, 40000);
  });
});

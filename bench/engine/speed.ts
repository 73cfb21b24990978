// Throughput of our engine against the oracle, measured fairly: both warmed by a full round
// first, every policy parsed (JSON.parse for the oracle, parsePolicyText for ours) and every
// oracle input built outside the timed loop, and the rounds of all modes alternating so that
// neither side gets the quiet moments of the machine. A third pair of modes times what
// simulation on edit does: each request brings a changed policy, so both sides parse it and
// evaluate it inside the loop. Ours runs as shipped (bundled, shipped.ts), as the oracle does.
import type { Decision } from '../../server/src/engine';
import type { PolicyModel } from '../../server/src/policy/model';
import { median, ms, times, type BenchRow } from '../report';
import { ACCOUNT, CONTEXT, evaluateOurs, NOW, PRINCIPAL, type Case } from './cases';
import type { RunSimulation } from './oracle';
import { shippedEngine } from './shipped';

type Mode = 'decision' | 'explained' | 'oracle' | 'oursCompile' | 'oracleCompile';

function oracleInput(c: Case, policy: unknown): unknown {
  return {
    request: { principal: PRINCIPAL, action: c.request.action, resource: { resource: c.request.resource, accountId: ACCOUNT }, contextVariables: CONTEXT },
    identityPolicies: [{ name: c.file, policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

/** Microseconds per request of each mode, one figure per round. */
export async function measureEngineSpeed(cases: Case[], runSimulation: RunSimulation | undefined, rounds: number): Promise<Record<Mode, number[]>> {
  const prepared = cases.map((c) => oracleInput(c, JSON.parse(c.text)));
  const { evaluate, parsePolicyText } = shippedEngine();
  // Parsed outside the timed loop, as the oracle's policies are.
  const models: PolicyModel[] = cases.map((c) => parsePolicyText(c.text).model!);
  const ours = (c: Case, model: PolicyModel, explain: boolean): Decision =>
    evaluate(c.request, { identity: [{ model, label: c.file }] }, { now: NOW, explain }).decision;
  // The bundle must decide as the sources do, or its figures would time some other engine.
  const differing = cases.filter((c, i) => ours(c, models[i], false) !== evaluateOurs(c, false)).length;
  if (differing > 0) throw new Error(`the bundled engine decides ${differing} requests differently from the sources`);
  let sink: Decision | undefined;
  const modes: Record<Mode, () => Promise<void> | void> = {
    decision: () => {
      for (let i = 0; i < cases.length; i++) sink = ours(cases[i], models[i], false);
    },
    explained: () => {
      for (let i = 0; i < cases.length; i++) sink = ours(cases[i], models[i], true);
    },
    oursCompile: () => {
      for (const c of cases) sink = ours(c, parsePolicyText(c.text).model!, false);
    },
    oracle: async () => {
      for (const sim of prepared) await runSimulation!(sim, {}).catch(() => undefined);
    },
    oracleCompile: async () => {
      for (const c of cases) await runSimulation!(oracleInput(c, JSON.parse(c.text)), {}).catch(() => undefined);
    },
  };
  const active = (Object.keys(modes) as Mode[]).filter((m) => runSimulation || !m.startsWith('oracle'));
  const perRequest: Record<Mode, number[]> = { decision: [], explained: [], oracle: [], oursCompile: [], oracleCompile: [] };
  // Round 0 warms every path (JIT, our compile cache, the oracle's lazily loaded service data).
  for (let round = 0; round <= rounds; round++) {
    // Rotate the order each round so no mode always runs first or last.
    const order = active.map((_, i) => active[(i + round) % active.length]);
    for (const mode of order) {
      const start = performance.now();
      await modes[mode]();
      const elapsed = performance.now() - start;
      if (round > 0) perRequest[mode].push((elapsed * 1000) / cases.length);
    }
  }
  void sink;
  return perRequest;
}

const us = (x: number) => ms(x / 1000);

/** The table's engine rows: each of our modes as a ratio to the oracle doing the same work. */
export function engineRows(perRequest: Record<Mode, number[]>, requests: number): BenchRow[] {
  const m = Object.fromEntries(Object.entries(perRequest).map(([k, v]) => [k, median(v)])) as Record<Mode, number>;
  const hasOracle = perRequest.oracle.length > 0;
  const row = (item: string, ours: number, ref: number, refLabel: string, goal: string): BenchRow => ({
    group: 'Engine',
    item: `${item} (${requests} corpus requests)`,
    ratio: hasOracle ? `${times(ref / ours)} the oracle's throughput` : 'n/a (oracle not installed)',
    ours: `${us(ours)}/request`,
    reference: hasOracle ? `${refLabel}: ${us(ref)}/request` : 'n/a',
    goal,
    data: { oursMicrosPerRequest: perRequest, ratio: ref / ours },
  });
  return [
    row('decision only', m.decision, m.oracle, 'iam-simulate, warmed, policies pre-parsed', '≥ 100×'),
    row('explained', m.explained, m.oracle, 'iam-simulate, warmed, policies pre-parsed', '≥ 25×'),
    row('compile + evaluate (changed policy each request)', m.oursCompile, m.oracleCompile, 'iam-simulate with JSON.parse per request', '≥ 20×'),
  ];
}

// Benchmark, not a test: evaluates one request set drawn from the shared policy corpus with
// our engine and, when it is installed (a devDependency oracle, AGPL: used, never copied),
// with @cloud-copilot/iam-simulate; times both fairly (speed.ts), prints their ratio and every
// request on which the two disagree; then asks the oracle every engine case file's case (each cites the
// AWS page it follows). Every disagreement, classified by the AWS page that decides it
// (disagreement-classes.ts), is written to bench-results/engine-disagreements.json. It never
// fails on speed.
//
//   node --import tsx bench/engine/compare.ts [--policies N] [--rounds N] [--show N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Decision } from '../../server/src/engine';
import { arg, runAlone, type BenchRow } from '../report';
import { ACCOUNT, buildBenchCases, CONTEXT, evaluateOurs, PRINCIPAL } from './cases';
import { classify, type DisagreementClass } from './disagreement-classes';
import { compareFixtures } from './fixtures-vs-oracle';
import { isVerdict, loadOracle, ORACLE_NAME, oracleDecision } from './oracle';
import { engineRows, measureEngineSpeed } from './speed';

const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'bench-results');
const RESULTS_FILE = path.join(RESULTS_DIR, 'engine-disagreements.json');

/** The engine's rows of the table; also writes every disagreement to bench-results/. */
export async function engineBench(): Promise<BenchRow[]> {
  const cases = buildBenchCases(arg('policies', 400));
  const rounds = arg('rounds', 5);
  const show = arg('show', 20);
  console.log(`engine: ${cases.length} requests from ${new Set(cases.map((c) => c.file)).size} corpus policies`);

  const modeMismatches = cases.filter((c) => evaluateOurs(c, true) !== evaluateOurs(c, false));
  console.log(`explained and decision-only modes disagree on ${modeMismatches.length} requests`);
  for (const c of modeMismatches.slice(0, show)) console.log(`  ${c.file}: ${c.request.action} on ${c.request.resource}`);

  const oracle = await loadOracle();
  const rows = engineRows(await measureEngineSpeed(cases, oracle?.runSimulation, rounds), cases.length);
  if (!oracle) {
    console.log(`oracle: ${ORACLE_NAME} is not installed; add it as a devDependency to compare decisions and speed.`);
    return rows;
  }
  const { runSimulation } = oracle;
  // Decisions are compared outside the timed rounds.
  const verdicts: Array<Decision | string> = [];
  for (const c of cases) {
    try {
      const result = await runSimulation(
        {
          request: { principal: PRINCIPAL, action: c.request.action, resource: { resource: c.request.resource, accountId: ACCOUNT }, contextVariables: CONTEXT },
          identityPolicies: [{ name: c.file, policy: JSON.parse(c.text) }],
          serviceControlPolicies: [],
          resourceControlPolicies: [],
        },
        {},
      );
      verdicts.push(oracleDecision(result));
    } catch (e) {
      verdicts.push(`error: ${(e as Error).message.slice(0, 160)}`);
    }
  }

  const rejected = verdicts.filter((v) => !isVerdict(v)).length;
  const corpusRows = cases
    .map((c, i) => ({ c, oracle: verdicts[i], mine: evaluateOurs(c, false) }))
    .filter((d) => isVerdict(d.oracle) && d.oracle !== d.mine)
    .map((d) => ({
      file: d.c.file,
      action: d.c.request.action,
      resource: d.c.request.resource,
      ours: d.mine,
      oracle: d.oracle,
      class: classify({ file: d.c.file, action: d.c.request.action, resource: d.c.request.resource, policyText: d.c.text }),
    }));
  console.log(`oracle rejected ${rejected} requests (its input validation); compared ${cases.length - rejected}; disagreements: ${corpusRows.length}`);
  printGroups(corpusRows, show, (r) => `${r.file}: ${r.action} on ${r.resource}: ours ${r.ours}, oracle ${r.oracle}`);

  // The engine's case files: each states AWS's decision and cites the page it follows.
  const fixtures = await compareFixtures(runSimulation, oracle.anonymous);
  const fixtureRows = fixtures.disagreements.map((d) => ({ ...d, ours: d.expected, class: classify(d.classifyAs) }));
  console.log(
    `\ncase files: compared ${fixtures.compared} cases with the oracle, agreed on ${fixtures.agreed}, disagreed on ${fixtureRows.length}; ` +
      `the oracle rejected ${fixtures.oracleRejected.length}; ${fixtures.notCompared.length} cases have no oracle input`,
  );
  printGroups(fixtureRows, show, (r) => `${r.file}: ${r.name}: ours (the case) ${r.ours}, oracle ${r.oracle}`);

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const byVerdict = (rows: Array<{ class: DisagreementClass }>) =>
    Object.fromEntries(['ours follows the page', 'harness artifact', 'to review'].map((v) => [v, rows.filter((r) => r.class.verdict === v).length]));
  const strip = <T extends { classifyAs?: unknown }>(r: T) => {
    const { classifyAs: _, ...rest } = r;
    return rest;
  };
  fs.writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        oracle: ORACLE_NAME,
        corpus: { requests: cases.length, oracleRejected: rejected, disagreements: corpusRows.length, byVerdict: byVerdict(corpusRows), rows: corpusRows },
        caseFiles: {
          compared: fixtures.compared,
          agreed: fixtures.agreed,
          disagreements: fixtureRows.length,
          byVerdict: byVerdict(fixtureRows),
          rows: fixtureRows.map(strip),
          oracleRejected: fixtures.oracleRejected.map(strip),
          notCompared: fixtures.notCompared,
        },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nevery disagreement, by class and AWS page: ${path.relative(process.cwd(), RESULTS_FILE)}`);
  rows.push({
    group: 'Engine',
    item: 'decisions compared with iam-simulate',
    ratio: `${corpusRows.length} of ${cases.length - rejected} differ`,
    ours: `case files: ${fixtureRows.length} of ${fixtures.compared} differ`,
    reference: 'bench-results/engine-disagreements.json',
    data: { corpusDisagreements: corpusRows.length, caseFileDisagreements: fixtureRows.length, oracleRejected: rejected },
  });
  return rows;
}

/** Rows grouped by class, largest first; "to review" rows are all shown. */
function printGroups<T extends { class: DisagreementClass }>(rows: T[], show: number, line: (r: T) => string): void {
  const groups = new Map<string, T[]>();
  // "To review" rows are grouped by the page their case cites, the others by their class.
  const key = (c: DisagreementClass) => (c.verdict === 'to review' ? `${c.title} ${c.page}` : c.title);
  for (const r of rows) groups.set(key(r.class), [...(groups.get(key(r.class)) ?? []), r]);
  for (const list of [...groups.values()].sort((a, b) => b.length - a.length)) {
    const c = list[0].class;
    console.log(`\n${list.length} × [${c.verdict}] ${c.title}${c.page ? ` (${c.page})` : ''}`);
    const limit = c.verdict === 'to review' ? show : 3;
    for (const r of list.slice(0, limit)) console.log(`  ${line(r)}`);
    if (list.length > limit) console.log(`  … and ${list.length - limit} more`);
  }
}

if (require.main === module) runAlone('engine', engineBench);

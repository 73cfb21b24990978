// Benchmark, not a test: evaluates one request set drawn from the shared policy corpus with
// our engine and, when it is installed (a devDependency oracle, AGPL: used, never copied),
// with @cloud-copilot/iam-simulate; prints throughput of both, their ratio, and every request
// on which the two disagree. It never fails on speed.
//
//   node --import tsx bench/engine/compare.ts [--policies N] [--rounds N] [--show N]
import { ACCOUNT, buildBenchCases, CONTEXT, evaluateOurs, PRINCIPAL, type Case } from './cases';
import type { Decision } from '../../server/src/engine';

const ORACLE = '@cloud-copilot/iam-simulate';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

type RunSimulation = (simulation: unknown, options: unknown) => Promise<any>;

async function loadOracle(): Promise<RunSimulation | undefined> {
  try {
    const mod = (await import(ORACLE)) as { runSimulation?: RunSimulation };
    return mod.runSimulation;
  } catch {
    return undefined;
  }
}

function oracleDecision(result: any): Decision | string {
  if (result?.resultType === 'error') return `error: ${JSON.stringify(result.errors ?? result).slice(0, 160)}`;
  // `overallResult` is "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied".
  const verdict: unknown = result?.overallResult ?? result?.result?.analysis?.result;
  if (typeof verdict !== 'string') return `error: ${JSON.stringify(result?.errors ?? result).slice(0, 160)}`;
  const v = verdict.toLowerCase();
  if (v.includes('explicit')) return 'explicitDeny';
  if (v.includes('implicit')) return 'implicitDeny';
  if (v.includes('allow')) return 'allowed';
  return `unknown: ${verdict}`;
}

/** Requests per second of our engine in one mode, after a warm-up round that compiles every policy. */
function measureOurs(cases: Case[], rounds: number, explain: boolean): number {
  for (const c of cases) evaluateOurs(c, explain);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of cases) evaluateOurs(c, explain);
  const ms = performance.now() - start;
  const rate = (cases.length * rounds) / (ms / 1000);
  const mode = explain ? 'explained' : 'decision only (explain: false)';
  console.log(`ours, ${mode}: ${rate.toFixed(0)} requests/s (${rounds} rounds, ${ms.toFixed(0)} ms)`);
  return rate;
}

async function main(): Promise<void> {
  const cases = buildBenchCases(arg('policies', 400));
  const rounds = arg('rounds', 5);
  const show = arg('show', 20);
  console.log(`${cases.length} requests from ${new Set(cases.map((c) => c.file)).size} corpus policies`);

  const explainedRate = measureOurs(cases, rounds, true);
  const decisionRate = measureOurs(cases, rounds, false);
  const modeMismatches = cases.filter((c) => evaluateOurs(c, true) !== evaluateOurs(c, false));
  console.log(`explained and decision-only modes disagree on ${modeMismatches.length} requests`);
  for (const c of modeMismatches.slice(0, show)) console.log(`  ${c.file}: ${c.request.action} on ${c.request.resource}`);

  const runSimulation = await loadOracle();
  if (!runSimulation) {
    console.log(`oracle: ${ORACLE} is not installed; add it as a devDependency to compare decisions and speed.`);
    return;
  }
  const oracleStart = performance.now();
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
  const oracleMs = performance.now() - oracleStart;
  const oracleRate = cases.length / (oracleMs / 1000);
  console.log(`oracle: ${oracleRate.toFixed(0)} requests/s (1 round, ${oracleMs.toFixed(0)} ms)`);
  console.log(`ratio, explained:     ours is ${(explainedRate / oracleRate).toFixed(1)}x the oracle's throughput`);
  console.log(`ratio, decision only: ours is ${(decisionRate / oracleRate).toFixed(1)}x the oracle's throughput`);

  const rejected = verdicts.filter((v) => v.startsWith('error') || v.startsWith('unknown')).length;
  const disagreements = cases
    .map((c, i) => ({ c, oracle: verdicts[i], mine: evaluateOurs(c, false) }))
    .filter((d) => !d.oracle.startsWith('error') && !d.oracle.startsWith('unknown') && d.oracle !== d.mine);
  console.log(`oracle rejected ${rejected} requests (its input validation); compared ${cases.length - rejected}; disagreements: ${disagreements.length}`);
  const groups = new Map<string, typeof disagreements>();
  for (const d of disagreements) {
    const why = explainDisagreement(d.c);
    groups.set(why, [...(groups.get(why) ?? []), d]);
  }
  for (const [why, list] of groups) {
    console.log(`\n${list.length} × ${why}`);
    const limit = why === UNEXPLAINED ? show : 3;
    for (const d of list.slice(0, limit)) console.log(`  ${d.c.file}: ${d.c.request.action} on ${d.c.request.resource}: ours ${d.mine}, oracle ${d.oracle}`);
    if (list.length > limit) console.log(`  … and ${list.length - limit} more`);
  }
}

const UNEXPLAINED = 'not yet explained: read the statement and the AWS page, then decide';

/**
 * Known, documented reasons the two engines differ. Each names who is right and the AWS page.
 */
function explainDisagreement(c: Case): string {
  if (/^sts:AssumeRole/i.test(c.request.action)) {
    return 'AssumeRole with only an identity policy: ours denies because the role trust policy must always allow the caller (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html); the oracle allows. Ours follows AWS.';
  }
  if (c.text.includes('aws:ResourceAccount')) {
    return 'aws:ResourceAccount condition: ours fills the key from the resource account of the request, as AWS does for every resource with an owning account (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount); the oracle leaves it absent. Ours follows AWS.';
  }
  if (/^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(c.request.resource)) {
    return 'KMS key with only an identity policy: AWS allows key access only when the key policy allows it (https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html). Both now deny; a remaining difference here needs reading.';
  }
  if (c.request.resource === '*') {
    return 'request resource "*" standing for a pattern the bench could not make concrete: the oracle answers a "wildcard resource" question (could any resource match?), ours evaluates the literal request. A bench artifact, not an engine difference.';
  }
  return UNEXPLAINED;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

// Times the offline custom policy checks over the shared corpus. A benchmark, not a test: it
// prints figures and never fails on speed.
// - no new access: every managed policy against itself with one action added (iam:CreateAccessKey
//   joined to its first Allow statement's Action list), and against itself unchanged;
// - access not granted: every managed policy against [{"actions": ["iam:PassRole"]}];
// - no public access: every resource and trust policy of the corpus, as the types its actions name.
// Run: node --import tsx bench/checks/corpus.ts (npm run bench:checks; also a part of npm run bench)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAccessNotGranted, checkNoNewAccess, checkNoPublicAccess, PUBLIC_RESOURCE_TYPE_NAMES, type CheckResult } from '../../server/src/checks';
import { publicResourceType } from '../../server/src/checks/noPublicAccess';
import { loadIamData } from '../../server/src/data/iamData';
import { findCorpus } from '../../test/unit/lint/corpusPath';
import { median, ms, percentile, runAlone, type BenchRow } from '../report';

const CORPUS = findCorpus(__dirname);
const ADDED = 'iam:CreateAccessKey';

interface Timing {
  name: string;
  ms: number[];
  pass: number;
  fail: number;
  truncated: number;
}

function timed(t: Timing, run: () => CheckResult): CheckResult {
  const s = performance.now();
  const r = run();
  t.ms.push(performance.now() - s);
  if (r.truncated) t.truncated++;
  else if (r.result === 'PASS') t.pass++;
  else t.fail++;
  return r;
}

function withOneMoreAction(policy: { Statement: unknown }): object {
  const copy = structuredClone(policy) as { Statement: Array<Record<string, unknown>> | Record<string, unknown> };
  const statements = Array.isArray(copy.Statement) ? copy.Statement : [copy.Statement];
  const first = statements.find((s) => s.Effect === 'Allow' && s.Action !== undefined);
  if (first) first.Action = [...(Array.isArray(first.Action) ? first.Action : [first.Action]), ADDED];
  else statements.push({ Effect: 'Allow', Action: ADDED, Resource: '*' });
  return { ...copy, Statement: statements };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

function report(t: Timing): string {
  const s = [...t.ms].sort((a, b) => a - b);
  const total = s.reduce((a, b) => a + b, 0);
  return `${t.name.padEnd(44)} ${String(s.length).padStart(5)} checks  median ${quantile(s, 0.5).toFixed(2)} ms  p95 ${quantile(s, 0.95).toFixed(1)} ms  max ${(s[s.length - 1] ?? 0).toFixed(0)} ms  total ${(total / 1000).toFixed(1)} s  PASS ${t.pass}  FAIL ${t.fail}  cut short ${t.truncated}`;
}

function candidateTypes(text: string, folder: string): string[] {
  if (folder === 'trust') return ['AWS::IAM::AssumeRolePolicyDocument'];
  const services = new Set([...text.matchAll(/"([a-z0-9-]+):[A-Za-z*?]/g)].map((m) => m[1]));
  return PUBLIC_RESOURCE_TYPE_NAMES.filter((t) => t !== 'AWS::IAM::AssumeRolePolicyDocument' && publicResourceType(t)!.services.some((s) => services.has(s)));
}

export async function checksBench(): Promise<BenchRow[]> {
  const data = await loadIamData();
  const managed = readdirSync(join(CORPUS, 'managed')).filter((f) => f.endsWith('.json')).sort();
  const added: Timing = { name: `no new access: managed + ${ADDED}`, ms: [], pass: 0, fail: 0, truncated: 0 };
  const same: Timing = { name: 'no new access: managed vs itself', ms: [], pass: 0, fail: 0, truncated: 0 };
  const notGranted: Timing = { name: 'access not granted: managed, iam:PassRole', ms: [], pass: 0, fail: 0, truncated: 0 };
  const pub: Timing = { name: 'no public access: resource + trust policies', ms: [], pass: 0, fail: 0, truncated: 0 };
  let passWithoutGrant = 0;
  let slowest = { name: '', ms: 0 };
  for (const name of managed) {
    const text = readFileSync(join(CORPUS, 'managed', name), 'utf8');
    const policy = JSON.parse(text) as { Statement: unknown };
    const wider = JSON.stringify(withOneMoreAction(policy));
    const before = added.ms.length;
    const r = timed(added, () => checkNoNewAccess(text, wider, 'identity', { data }));
    if (added.ms[before] > slowest.ms) slowest = { name, ms: added.ms[before] };
    // A PASS is wrong when the new policy grants the added action and the existing one never did.
    if (r.result === 'PASS' && checkAccessNotGranted(wider, 'identity', [{ actions: [ADDED] }], { data }).result === 'FAIL' && checkAccessNotGranted(text, 'identity', [{ actions: [ADDED] }], { data }).result === 'PASS') passWithoutGrant++;
    timed(same, () => checkNoNewAccess(text, text, 'identity', { data }));
    timed(notGranted, () => checkAccessNotGranted(text, 'identity', [{ actions: ['iam:PassRole'] }], { data }));
  }
  for (const folder of ['resource', 'trust']) {
    for (const name of readdirSync(join(CORPUS, folder)).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(CORPUS, folder, name), 'utf8');
      for (const type of candidateTypes(text, folder)) timed(pub, () => checkNoPublicAccess(text, type, { data }));
    }
  }
  process.stdout.write(`Offline custom policy checks over the shared corpus (${managed.length} managed policies)\n`);
  for (const t of [added, same, notGranted, pub]) process.stdout.write(`${report(t)}\n`);
  process.stdout.write(`slowest no-new-access pair: ${slowest.name} (${slowest.ms.toFixed(0)} ms)\n`);
  process.stdout.write(`PASS although the new policy grants the added action and the existing one grants it nowhere (a miss): ${passWithoutGrant}\n`);
  // The reference would be IAM Access Analyzer's API, which is online and billed per call: the
  // figures are absolute, with the results counted.
  return [added, same, notGranted, pub].map((t) => ({
    group: 'Policy checks',
    item: `${t.name}, ${t.ms.length} checks`,
    ratio: 'n/a (the reference is the online API)',
    ours: `median ${ms(median(t.ms))}, p95 ${ms(percentile(t.ms, 95))}, max ${ms(Math.max(...t.ms))}`,
    reference: `PASS ${t.pass}, FAIL ${t.fail}, cut short ${t.truncated}${t === added ? `; misses ${passWithoutGrant}` : ''}`,
    data: { ms: t.ms, pass: t.pass, fail: t.fail, truncated: t.truncated, ...(t === added ? { misses: passWithoutGrant } : {}) },
  }));
}

if (require.main === module) runAlone('checks', checksBench);

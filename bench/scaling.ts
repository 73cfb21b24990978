// How lint and one simulation grow with the size of a policy (10, 100, 1,000 and 10,000
// statements: linear work grows 10× per 10×), and the worst wildcard we know through the one
// matcher in server/src/iam, against a plain prefix pattern of the same length.
//
//   node --import tsx bench/scaling.ts
import { loadIamData } from '../server/src/data/iamData';
import { evaluate } from '../server/src/engine';
import { compileWildcard, wildcardMatch } from '../server/src/iam/wildcard';
import { lintPolicy } from '../server/src/lint';
import { parsePolicyText } from '../server/src/policy/parse';
import { median, ms, runAlone, times, type BenchRow } from './report';

const SIZES = [10, 100, 1000, 10000];

/** Distinct statements, every tenth a Deny that overlaps an Allow, so shadowing checks have work. */
export function syntheticPolicy(statements: number): string {
  const list: string[] = [];
  for (let i = 0; i < statements; i++) {
    list.push(
      i % 10 === 9
        ? `{"Sid":"D${i}","Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::bucket-${i - 1}*"}`
        : `{"Sid":"S${i}","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-${i}/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"t${i}"}}}`,
    );
  }
  return `{"Version":"2012-10-17","Statement":[\n${list.join(',\n')}\n]}`;
}

/** Median of a few runs after one untimed warm-up (JIT); fewer runs when one run is already long. */
function timeIt(run: () => void, maxRuns: number, warm = true): number {
  if (warm) run();
  const out: number[] = [];
  for (let i = 0; i < maxRuns; i++) {
    const start = performance.now();
    run();
    out.push(performance.now() - start);
    if (out.reduce((a, b) => a + b, 0) > 5000) break;
  }
  return median(out);
}

function growthRow(item: string, medians: number[]): BenchRow {
  const factors = medians.slice(1).map((m, i) => m / medians[i]);
  return {
    group: 'Scaling',
    item,
    ratio: `${factors.map(times).join(', ')} per 10×`,
    ours: SIZES.map((n, i) => `${n}: ${ms(medians[i])}`).join('; '),
    reference: 'linear: 10× per 10×',
    goal: 'linear',
    data: { sizes: SIZES, medianMs: medians, factors },
  };
}

export async function scalingBench(): Promise<BenchRow[]> {
  const data = await loadIamData();
  const lintMs: number[] = [];
  const simMs: number[] = [];
  for (const n of SIZES) {
    const text = syntheticPolicy(n);
    const runs = n >= 1000 ? 3 : 20;
    // 10,000 statements take seconds: warming that size would only double the wait.
    const warm = n < 10000;
    lintMs.push(timeIt(() => lintPolicy(parsePolicyText(text).model!, 'identity', { text, data }), runs, warm));
    const request = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: `arn:aws:s3:::bucket-${n - 2}/key`, resourceAccount: '111122223333', context: { 'aws:PrincipalTag/team': `t${n - 2}` } };
    simMs.push(timeIt(() => evaluate(request, { identity: [{ model: parsePolicyText(text).model!, label: 'p' }] }, { now: new Date(), explain: true }), runs, warm));
    console.log(`scaling: ${n} statements (${(text.length / 1024).toFixed(0)} KB): lint ${ms(lintMs.at(-1)!)}, simulation ${ms(simMs.at(-1)!)}`);
  }
  return [growthRow('parse + lint, synthetic policy (statements)', lintMs), growthRow('parse + one simulation, explained (statements)', simMs), wildcardRow()];
}

/** The worst of a few wildcard shapes of 10,000 characters against a 10,000-character ARN. */
function wildcardRow(): BenchRow {
  const arn = `arn:aws:s3:::${'a'.repeat(10000 - 14)}b`;
  const shapes: Record<string, string> = {
    '"*?" repeated': `arn:aws:s3:::${'*?'.repeat(4993)}`,
    '"*a" repeated, then "c"': `arn:aws:s3:::${'*a'.repeat(4993)}c`,
    '"?" run then "*"': `arn:aws:s3:::${'?'.repeat(9986)}*`,
    '"*" segments ending in "*"': `arn:*:*:*:*:${'*a'.repeat(4993)}*b`,
    'every second "?", then "*c"': `arn:aws:s3:::${'a?'.repeat(4992)}*c`,
  };
  const plain = `arn:aws:s3:::${'a'.repeat(9985)}*`;
  const match = (pattern: string) => timeIt(() => wildcardMatch(compileWildcard(pattern), arn), 10);
  const reference = match(plain);
  let worst = { name: '', ms: 0 };
  const all: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(shapes)) {
    all[name] = match(pattern);
    if (all[name] > worst.ms) worst = { name, ms: all[name] };
  }
  return {
    group: 'Scaling',
    item: `worst wildcard, 10,000 chars of */? against a 10,000-char ARN (${worst.name}; compile + match)`,
    ratio: `${times(worst.ms / reference)} the plain prefix`,
    ours: ms(worst.ms),
    reference: `10,000-char prefix pattern ending in "*": ${ms(reference)}`,
    goal: 'linear (no backtracking)',
    data: { medianMs: all, referenceMs: reference },
  };
}

if (require.main === module) runAlone('scaling', scalingBench);

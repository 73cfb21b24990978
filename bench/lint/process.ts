// The built CLI over the whole corpus, as a user runs it (a process), against the floor of a Node
// process that only reads and jsonc-parser-parses the same bytes (floor.cjs). Start-up is measured
// apart, by both on one tiny policy, so the work is the whole run minus start-up. Runs alternate.
//
//   node --import tsx bench/lint/process.ts [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findCorpus } from '../../test/unit/lint/corpusPath';
import { arg, median, megabytes, ms, REPO, runAlone, times, type BenchRow } from '../report';

const CLI = path.join(REPO, 'dist', 'cli.js');
const FLOOR = path.join(__dirname, 'floor.cjs');

function timed(args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', cwd: REPO });
  const elapsed = performance.now() - start;
  // The CLI exits 1 when some document has an ERROR finding: that is a result, not a failure.
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  return { ms: elapsed, stdout: run.stdout };
}

export async function lintProcessBench(): Promise<BenchRow[]> {
  if (!existsSync(CLI)) return [{ group: 'Lint', item: 'CLI over the corpus', ratio: 'n/a', ours: 'dist/cli.js is not built (npm run build)', reference: '' }];
  const corpus = findCorpus(REPO);
  const runs = arg('runs', 5);
  const tmp = mkdtempSync(path.join(tmpdir(), 'iam-bench-'));
  const tiny = path.join(tmp, 'tiny.json');
  writeFileSync(tiny, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
  const cliAll: number[] = [];
  const floorAll: number[] = [];
  const cliTiny: number[] = [];
  const floorTiny: number[] = [];
  let bytes = 0;
  let findings = 0;
  try {
    // One warm-up of each (file cache), then alternating runs.
    timed([CLI, 'lint', '--format', 'json', corpus]);
    timed([FLOOR, corpus]);
    for (let i = 0; i < runs; i++) {
      const cli = timed([CLI, 'lint', '--format', 'json', corpus]);
      cliAll.push(cli.ms);
      if (i === 0) findings = countFindings(cli.stdout);
      const floor = timed([FLOOR, corpus]);
      floorAll.push(floor.ms);
      bytes = (JSON.parse(floor.stdout) as { bytes: number }).bytes;
      cliTiny.push(timed([CLI, 'lint', '--format', 'json', tiny]).ms);
      floorTiny.push(timed([FLOOR, tiny]).ms);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const [all, fl, st, fst] = [median(cliAll), median(floorAll), median(cliTiny), median(floorTiny)];
  const work = all - st;
  const floorWork = fl - fst;
  console.log(`lint: ${megabytes(bytes)} of corpus files (policies, templates, .tf), ${findings} findings`);
  return [
    {
      group: 'Lint',
      item: `CLI over the corpus (${megabytes(bytes)}, one process)`,
      ratio: `${times(all / fl)} the floor`,
      ours: ms(all),
      reference: `read + jsonc-parser parse, one process: ${ms(fl)}`,
      goal: 'within 3×',
      data: { cliMs: cliAll, floorMs: floorAll, bytes, findings },
    },
    {
      group: 'Lint',
      item: 'start-up (one tiny policy)',
      ratio: `${times(st / fst)} the floor`,
      ours: ms(st),
      reference: `floor on the same file: ${ms(fst)}`,
      data: { cliMs: cliTiny, floorMs: floorTiny },
    },
    {
      group: 'Lint',
      item: 'work without start-up',
      ratio: `${times(work / floorWork)} the floor`,
      ours: `${ms(work)}, ${(bytes / 1024 / 1024 / (work / 1000)).toFixed(1)} MB/s`,
      reference: `floor: ${ms(floorWork)}, ${(bytes / 1024 / 1024 / (floorWork / 1000)).toFixed(0)} MB/s`,
      goal: 'within 3×',
    },
  ];
}

function countFindings(json: string): number {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (Array.isArray(parsed)) return parsed.reduce((n: number, f: { findings?: unknown[] }) => n + (Array.isArray(f.findings) ? f.findings.length : 1), 0);
    const files = (parsed as { files?: Array<{ findings?: unknown[] }> }).files;
    return files ? files.reduce((n, f) => n + (f.findings?.length ?? 0), 0) : NaN;
  } catch {
    return NaN;
  }
}

if (require.main === module) runAlone('lint', lintProcessBench);

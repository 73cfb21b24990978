// What every benchmark returns and how the aggregate table is printed and saved. A row is one
// figure: ours as a ratio against a reference measured in the same run, with the absolute medians
// for context. Nothing here fails on speed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface BenchRow {
  /** Engine, Lint, Language server, Scaling, Footprint. */
  group: string;
  item: string;
  /** The ratio (or growth factor) as shown, e.g. "35.2× faster", or "n/a". */
  ratio: string;
  /** Our absolute median (or size), as shown. */
  ours: string;
  /** What the ratio is against, with its absolute median. */
  reference: string;
  goal?: string;
  /** Raw numbers for the JSON file. */
  data?: Record<string, unknown>;
}

export const RESULTS_DIR = path.resolve(__dirname, '..', 'bench-results');
export const REPO = path.resolve(__dirname, '..');

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${(x * 1000).toFixed(1)} µs`;
}

export function times(x: number): string {
  return Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : 'n/a';
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function machine(): { nproc: number; cpu: string; node: string; platform: string; load: number[] } {
  return { nproc: os.availableParallelism?.() ?? os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, load: os.loadavg().map((l) => Number(l.toFixed(2))) };
}

export function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** A Markdown table: readable in a terminal and pasteable into the README. */
export function formatTable(rows: readonly BenchRow[]): string {
  const head = ['', 'item', 'ratio', 'ours (median)', 'reference (median)', 'goal'];
  const body = rows.map((r) => [r.group, r.item, r.ratio, r.ours, r.reference, r.goal ?? '']);
  const cells = [head, head.map(() => '---'), ...body];
  return cells.map((c) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n');
}

/** Prints the table and writes it, with the machine, to bench-results/<name>.json. */
export function publish(name: string, rows: readonly BenchRow[]): string {
  const m = machine();
  console.log(`\n${formatTable(rows)}\n`);
  console.log(`machine: ${m.nproc} × ${m.cpu}, Node ${m.node}, load ${m.load.join(' ')}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), commit: commit(), machine: m, rows }, null, 2)}\n`);
  console.log(`written: ${path.relative(process.cwd(), file)}`);
  return file;
}

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && Number.isFinite(Number(process.argv[i + 1])) ? Number(process.argv[i + 1]) : fallback;
}

/** Runs a benchmark module on its own (its sub-command) and publishes its rows. */
export function runAlone(name: string, bench: () => Promise<BenchRow[]>): void {
  bench()
    .then((rows) => publish(name, rows))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}

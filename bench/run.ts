// `npm run bench`: every benchmark in one run, one table, written with the machine to
// bench-results/bench.json. No network; nothing fails on speed. The footprint runs first because
// its `npm run package` leaves the production bundles in dist/, which the other parts then time.
// Each part is also a sub-command of its own (bench:engine, bench:lint, bench:lsp,
// bench:scaling, bench:footprint, bench:checks).
//
//   node --import tsx bench/run.ts [--only engine,lint,lsp,scaling,footprint,checks]
import { checksBench } from './checks/corpus';
import { engineBench } from './engine/compare';
import { footprintBench } from './footprint';
import { lintProcessBench } from './lint/process';
import { lspBench } from './lsp/latency';
import { publish, type BenchRow } from './report';
import { scalingBench } from './scaling';

const PARTS: Array<[string, () => Promise<BenchRow[]>]> = [
  ['footprint', footprintBench],
  ['lint', lintProcessBench],
  ['lsp', lspBench],
  ['engine', engineBench],
  ['scaling', scalingBench],
  ['checks', checksBench],
];

async function main(): Promise<void> {
  const i = process.argv.indexOf('--only');
  const only = i >= 0 ? new Set(process.argv[i + 1].split(',')) : undefined;
  const rows: BenchRow[] = [];
  for (const [name, bench] of PARTS) {
    if (only && !only.has(name)) continue;
    console.log(`\n== ${name}`);
    const start = performance.now();
    try {
      rows.push(...(await bench()));
    } catch (e) {
      // One broken part must not hide the others' figures.
      rows.push({ group: name, item: 'failed', ratio: 'n/a', ours: String((e as Error).message ?? e).slice(0, 200), reference: '' });
    }
    console.log(`(${name}: ${((performance.now() - start) / 1000).toFixed(0)} s)`);
  }
  publish('bench', rows);
}

void main();

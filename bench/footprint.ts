// What the product costs a user to carry: the VSIX (`npm run package`, which also leaves the
// production bundles in dist/), and the language server's resident memory after it has opened
// every corpus document over stdio, against its own memory right after start-up; the server's
// start (spawn → initialize answered) against the latency bench's schema-only server; and the
// extension's activation time in the real VS Code against VS Code's own JSON language features.
//
//   node --import tsx bench/footprint.ts [--no-package] [--no-vscode]
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TestLanguageClient } from '../test/lsp/lspClient';
import { referenceServer } from './lsp/latency';
import { findCorpus } from '../test/unit/lint/corpusPath';
import { median, megabytes, ms, REPO, runAlone, times, type BenchRow } from './report';

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : NaN;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

const LANGUAGE: Record<string, string> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml', '.tf': 'terraform' };

function vsixRow(): BenchRow {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  if (!process.argv.includes('--no-package')) {
    const run = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
    if (run.status !== 0) return { group: 'Footprint', item: 'VSIX size', ratio: 'n/a', ours: `npm run package failed: ${run.stderr.slice(-200)}`, reference: '' };
  }
  const vsix = path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  const size = statSync(vsix).size;
  // The bulk of the package is the IAM service reference it carries; the ratio says how well it packs.
  const reference = statSync(path.join(REPO, 'dist', 'iam-reference.json')).size;
  return {
    group: 'Footprint',
    item: `VSIX size (${path.basename(vsix)})`,
    ratio: `${times(size / reference)} the raw service reference`,
    ours: megabytes(size),
    reference: `dist/iam-reference.json it carries: ${megabytes(reference)}`,
    data: { vsixBytes: size, referenceBytes: reference },
  };
}

async function rssRow(): Promise<BenchRow> {
  const corpus = findCorpus(REPO);
  const files = walk(corpus).filter((f) => LANGUAGE[path.extname(f)]);
  const client = new TestLanguageClient();
  await client.start();
  // The helper keeps its child private; the bench only reads its pid.
  const pid = (client as unknown as { child: ChildProcess }).child.pid!;
  try {
    await client.open('file:///bench/warm.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
    const baseline = rssBytes(pid);
    let answered = 0;
    for (const file of files) {
      const uri = `file://${file}`;
      // A document the server does not analyse may get no publication: do not wait for ever.
      const published = client.open(uri, readFileSync(file, 'utf8'), LANGUAGE[path.extname(file)]).then(() => 1);
      answered += await Promise.race([published, new Promise<number>((r) => setTimeout(() => r(0), 2000))]);
    }
    const after = rssBytes(pid);
    return {
      group: 'Footprint',
      item: `server RSS after opening ${files.length} corpus documents (${answered} got diagnostics)`,
      ratio: `${times(after / baseline)} its start-up RSS`,
      ours: megabytes(after),
      reference: `after start-up and one small policy: ${megabytes(baseline)}`,
      goal: '< 200 MB',
      data: { rssBytes: after, baselineBytes: baseline, documents: files.length, answered },
    };
  } finally {
    await client.stop();
  }
}

/** Spawning a server over stdio until it answers initialize (ours when `server` is not given, as VS Code starts it). */
async function initializeMs(server?: string): Promise<number> {
  const start = performance.now();
  const client = new TestLanguageClient({}, {}, server ? { server } : {});
  await client.start();
  const elapsed = performance.now() - start;
  await client.stop();
  return elapsed;
}

/**
 * The language server's start, which VS Code's activation figure does not show: spawn → initialize answered,
 * against the schema-only reference server of the latency bench (lsp/schemaOnlyServer.ts), five
 * starts each, alternating.
 */
async function serverStartRow(): Promise<BenchRow> {
  const reference = referenceServer();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 5; i++) {
    ours.push(await initializeMs());
    theirs.push(await initializeMs(reference));
  }
  return {
    group: 'Footprint',
    item: 'language server start: spawn → initialize answered, 5 starts',
    ratio: `${times(median(ours) / median(theirs))} the schema-only server`,
    ours: ms(median(ours)),
    reference: `vscode-json-languageservice + our schemas as a server: ${ms(median(theirs))}`,
    data: { oursMs: ours, schemaOnlyServerMs: theirs },
  };
}

interface ActivationFigures {
  shownMs: number;
  loadCodeMs: number;
  callActivateMs: number;
  ownLoadMs: number;
  ownMs: number;
  queuedMs: number;
}

/**
 * Activation in code-server (footprint/activation.mjs), two rows: the figure VS Code's Running
 * Extensions view shows, and the extension's own share of it (its code's load and the synchronous
 * part of `activate`, from the extension host's perf marks), without the time its load waited for
 * the extensions loaded before it. The goal is read against the second.
 */
function activationRows(): BenchRow[] {
  const item = { shown: 'activation as VS Code shows it (Running Extensions view, code-server)', own: 'activation, our own share (our code\'s load + activate call, VS Code\'s perf marks)' };
  const rows = (shown: string, own: string, extra: Partial<Record<'shown' | 'own', Partial<BenchRow>>> = {}): BenchRow[] => [
    { group: 'Footprint', item: item.shown, ratio: 'n/a', ours: shown, reference: '', ...extra.shown },
    { group: 'Footprint', item: item.own, ratio: 'n/a', ours: own, reference: '', goal: '< 200 ms', ...extra.own },
  ];
  if (process.argv.includes('--no-vscode')) return rows('n/a (--no-vscode)', 'n/a (--no-vscode)');
  const runs: Array<{ ours: ActivationFigures; json: ActivationFigures }> = [];
  // Each run is a fresh window with a fresh profile: activation is a cold start every time.
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'footprint', 'activation.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 240_000 });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      const why = `n/a: the real VS Code did not report it (${(run.stderr || run.error?.message || '').trim().split('\n').slice(-1)[0]?.slice(0, 160)}; npm run test:e2e installs code-server)`;
      return rows(why, why);
    }
    runs.push(JSON.parse(line) as { ours: ActivationFigures; json: ActivationFigures });
  }
  const med = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
  const shown = { ours: med((r) => r.ours.shownMs), json: med((r) => r.json.shownMs) };
  const own = { ours: med((r) => r.ours.ownMs), json: med((r) => r.json.ownMs) };
  const queued = med((r) => r.ours.queuedMs);
  return rows(`${ms(shown.ours)} (3 fresh windows; ${ms(queued)} of it waiting for other extensions' code to load)`, `${ms(own.ours)} (load ${ms(med((r) => r.ours.ownLoadMs))}, activate call ${ms(med((r) => r.ours.callActivateMs))})`, {
    shown: { ratio: `${times(shown.ours / shown.json)} the built-in JSON features`, reference: `VS Code's JSON Language Features (also starts a language server): ${ms(shown.json)}`, data: { runs } },
    own: { ratio: `${times(own.ours / own.json)} the built-in JSON features`, reference: `JSON Language Features' own share: ${ms(own.json)}` },
  });
}

export async function footprintBench(): Promise<BenchRow[]> {
  return [vsixRow(), await rssRow(), await serverStartRow(), ...activationRows()];
}

if (require.main === module) runAlone('footprint', footprintBench);

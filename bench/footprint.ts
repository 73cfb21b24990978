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

/** Activation in code-server, read from VS Code's Running Extensions view (footprint/activation.mjs). */
function activationRow(): BenchRow {
  const row = (ours: string, ratio = 'n/a', reference = '', data?: Record<string, unknown>): BenchRow => ({ group: 'Footprint', item: 'activation in the real VS Code (code-server, Running Extensions view)', ratio, ours, reference, goal: '< 200 ms', data });
  if (process.argv.includes('--no-vscode')) return row('n/a (--no-vscode)');
  const runs: Array<{ oursMs: number; builtinJsonMs: number }> = [];
  // Each run is a fresh window with a fresh profile: activation is a cold start every time.
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'footprint', 'activation.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 240_000 });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) return row(`n/a: the real VS Code did not report it (${(run.stderr || run.error?.message || '').trim().split('\n').slice(-1)[0]?.slice(0, 160)}; npm run test:e2e installs code-server)`);
    runs.push(JSON.parse(line) as { oursMs: number; builtinJsonMs: number });
  }
  const ours = median(runs.map((r) => r.oursMs));
  const json = median(runs.map((r) => r.builtinJsonMs));
  return row(`${ms(ours)} (3 fresh windows)`, `${times(ours / json)} the built-in JSON features`, `VS Code's JSON Language Features (also starts a language server): ${ms(json)}`, { runs });
}

export async function footprintBench(): Promise<BenchRow[]> {
  return [vsixRow(), await rssRow(), await serverStartRow(), activationRow()];
}

if (require.main === module) runAlone('footprint', footprintBench);

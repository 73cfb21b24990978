// `iam-sts simulate`: runs scenario files (*.iamsim.json) through the evaluation engine.
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Decision, Explanation } from '../engine';
import { DEFAULT_MAX_FILE_SIZE } from '../policy/analyze';
import { DEFAULT_READ_TIMEOUT_MS, isRefusal, loadScenarioReading, readFileSafely, runScenario, type ReadResult, type ScenarioError } from '../simulate';
import { collectFiles } from './lint';
import { UsageError } from './usage';

interface SimulateArgs {
  format: 'text' | 'json';
  /** The folder a scenario's policy files must be inside: the current folder unless --root says. */
  root: string;
  paths: string[];
}

/** A scenario may hold 100,000 tests; no scenario is larger than this. */
const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

export interface SimulateFileResult {
  file: string;
  errors: Array<{ message: string; file: string; line: number; character: number }>;
  results: Array<{ name: string; decision: Decision | undefined; expected: Decision | undefined; pass: boolean; explanation: Explanation | undefined }>;
}

function parseArgs(argv: string[]): SimulateArgs {
  const args: SimulateArgs = { format: 'text', root: process.cwd(), paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const f = argv[++i];
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f ?? ''}"; use text or json`);
      args.format = f;
    } else if (a === '--root') {
      const r = argv[++i];
      if (r === undefined) throw new UsageError('--root needs a folder');
      args.root = path.resolve(r);
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no FILE given');
  return args;
}

/** Positions for messages: one TextDocument per file read, built when a message points into it. */
class Positions {
  private readonly texts = new Map<string, string>();
  private readonly docs = new Map<string, TextDocument>();

  remember(file: string, result: ReadResult): ReadResult {
    if (typeof result === 'string') this.texts.set(file, result);
    return result;
  }

  at(file: string, offset: number): { line: number; character: number } {
    let doc = this.docs.get(file);
    const text = this.texts.get(file);
    if (!doc && text !== undefined) this.docs.set(file, (doc = TextDocument.create(`file://${file}`, 'json', 0, text)));
    return doc?.positionAt(offset) ?? { line: 0, character: 0 };
  }
}

function located(e: ScenarioError, positions: Positions) {
  const p = positions.at(e.file, e.range.start);
  return { message: e.message, file: e.file, line: p.line, character: p.character };
}

export async function simulateCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const files = collectFiles(args.paths, (name) => name.endsWith('.iamsim.json'));
  const positions = new Positions();
  // The scenario is the user's choice; the files it names must be inside the root.
  const limits = { roots: [args.root], rootsName: args.root === process.cwd() ? 'the current folder' : `the folder ${args.root}`, maxBytes: DEFAULT_MAX_FILE_SIZE, timeoutMs: DEFAULT_READ_TIMEOUT_MS };
  const readPolicy = async (file: string) => positions.remember(file, await readFileSafely(file, limits));
  const out: SimulateFileResult[] = [];
  let failed = 0;
  let passed = 0;
  const lines: string[] = [];
  for (const file of files) {
    const absolute = path.resolve(file);
    const text = positions.remember(absolute, await readFileSafely(absolute, { roots: [path.parse(absolute).root], rootsName: 'the file system', maxBytes: MAX_SCENARIO_BYTES, timeoutMs: DEFAULT_READ_TIMEOUT_MS }));
    if (typeof text !== 'string') throw new UsageError(`cannot read ${file}: ${isRefusal(text) ? text.refused : 'no such file'}`);
    const run = runScenario(await loadScenarioReading(text, absolute, readPolicy));
    const errors = run.errors.map((e) => located(e, positions));
    failed += run.failed + errors.length;
    passed += run.passed;
    out.push({
      file,
      errors,
      results: run.tests.map((t) => ({ name: t.name, decision: t.decision, expected: t.expected, pass: t.pass, explanation: t.explanation })),
    });
    lines.push(file);
    for (const e of errors) lines.push(`  error ${path.relative(process.cwd(), e.file)}:${e.line + 1}:${e.character + 1}: ${e.message}`);
    for (const t of run.tests) {
      if (t.pass) {
        lines.push(`  ✓ ${t.name}: ${t.decision}`);
        continue;
      }
      const why = t.errors.length ? t.errors.map((e) => e.message).join('; ') : (t.explanation?.summary ?? '');
      lines.push(`  ✗ ${t.name}: expected ${t.expected ?? '?'}, got ${t.decision ?? 'no decision'}${why ? ` — ${why}` : ''}`);
      for (const s of t.decidingStatements) {
        const p = positions.at(s.file, s.range.start);
        lines.push(`      decided by ${s.effect} in ${path.relative(process.cwd(), s.file)}:${p.line + 1}:${p.character + 1} (${s.label})`);
      }
    }
  }
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else process.stdout.write(`${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

// `iam-sts simulate`: runs scenario files (*.iamsim.json) through the evaluation engine.
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Decision, Explanation } from '../engine';
import { DEFAULT_MAX_FILE_SIZE } from '../analysis/problem';
import { loadTerraformParser } from '../embedded/terraform/parser';
import { DEFAULT_READ_TIMEOUT_MS, isRefusal, loadScenarioReading, readFileSafely, runScenario, type ReadResult, type ScenarioError, type ScenarioTestResult } from '../simulate';
import { collectFiles } from './files';
import { Output } from './output';
import { printable } from './printable';
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

export async function simulateCommand(argv: string[], stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const args = parseArgs(argv);
  const { files, problems } = collectFiles(args.paths, (name) => name.endsWith('.iamsim.json'));
  const positions = new Positions();
  // The scenario is the user's choice; the files it names must be inside the root.
  const limits = { roots: [args.root], rootsName: args.root === process.cwd() ? 'the current folder' : `the folder ${args.root}`, maxBytes: DEFAULT_MAX_FILE_SIZE, timeoutMs: DEFAULT_READ_TIMEOUT_MS };
  const readPolicy = async (file: string) => positions.remember(file, await readFileSafely(file, limits));
  const output = new Output(stdout);
  const report = args.format === 'json' ? new JsonReport(output) : new TextReport(output);
  // Scenarios may name policies inside .tf files (`./main.tf#data.aws_iam_policy_document.x`).
  await loadTerraformParser();
  let failed = 0;
  let passed = 0;
  for (const p of problems) {
    process.stderr.write(`iam-sts: ${printable(p)}\n`);
    failed++;
  }
  for (const file of files) {
    const absolute = path.resolve(file);
    const text = positions.remember(absolute, await readFileSafely(absolute, { roots: [path.parse(absolute).root], rootsName: 'the file system', maxBytes: MAX_SCENARIO_BYTES, timeoutMs: DEFAULT_READ_TIMEOUT_MS }));
    if (typeof text !== 'string') {
      // One unreadable scenario is that scenario's error; the others still run.
      failed++;
      await report.file(file, [{ message: `Cannot read the scenario: ${isRefusal(text) ? text.refused : 'no such file'}.`, file: absolute, line: 0, character: 0 }], []);
      continue;
    }
    const run = runScenario(await loadScenarioReading(text, absolute, readPolicy));
    const errors = run.errors.map((e) => located(e, positions));
    failed += run.failed + errors.length;
    passed += run.passed;
    await report.file(file, errors, run.tests, positions);
  }
  await report.end(passed, failed);
  await output.flush();
  return failed > 0 ? 1 : 0;
}

type LocatedError = SimulateFileResult['errors'][number];

interface Report {
  file(file: string, errors: LocatedError[], tests: ScenarioTestResult[], positions?: Positions): Promise<void>;
  end(passed: number, failed: number): Promise<void>;
}

/** `[ { "file", "errors", "results": [ … ] } ]`, written one test at a time. */
class JsonReport implements Report {
  private files = 0;
  constructor(private readonly out: Output) {}

  async file(file: string, errors: LocatedError[], tests: ScenarioTestResult[]): Promise<void> {
    await this.out.write(`${this.files++ === 0 ? '[\n' : ',\n'}  {\n    "file": ${JSON.stringify(file)},\n    "errors": ${indented(errors, 4)},\n    "results": [`);
    for (const [i, t] of tests.entries()) {
      const result = { name: t.name, decision: t.decision, expected: t.expected, pass: t.pass, explanation: t.explanation };
      await this.out.write(`${i === 0 ? '\n' : ',\n'}      ${indented(result, 6)}`);
    }
    await this.out.write(`${tests.length ? '\n    ' : ''}]\n  }`);
  }

  async end(): Promise<void> {
    await this.out.write(this.files === 0 ? '[]\n' : '\n]\n');
  }
}

function indented(value: unknown, by: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(by)}`);
}

/** One line per test; every piece of text from a scenario or policy made printable. */
class TextReport implements Report {
  constructor(private readonly out: Output) {}

  private line(text: string): Promise<void> {
    return this.out.write(`${printable(text)}\n`);
  }

  async file(file: string, errors: LocatedError[], tests: ScenarioTestResult[], positions?: Positions): Promise<void> {
    await this.line(file);
    for (const e of errors) await this.line(`  error ${path.relative(process.cwd(), e.file)}:${e.line + 1}:${e.character + 1}: ${e.message}`);
    for (const t of tests) {
      if (t.pass) {
        await this.line(`  ✓ ${t.name}: ${t.decision}`);
        continue;
      }
      const why = t.errors.length ? t.errors.map((e) => e.message).join('; ') : (t.explanation?.summary ?? '');
      await this.line(`  ✗ ${t.name}: expected ${t.expected ?? '?'}, got ${t.decision ?? 'no decision'}${why ? ` — ${why}` : ''}`);
      for (const s of t.decidingStatements) {
        const p = positions?.at(s.file, s.range.start) ?? { line: 0, character: 0 };
        await this.line(`      decided by ${s.effect} in ${path.relative(process.cwd(), s.file)}:${p.line + 1}:${p.character + 1} (${s.label})`);
      }
    }
  }

  async end(passed: number, failed: number): Promise<void> {
    await this.line(`${passed} passed, ${failed} failed`);
  }
}

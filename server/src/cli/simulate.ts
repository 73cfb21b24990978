// `iam-sts simulate`: runs scenario files (*.iamsim.json) through the evaluation engine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Decision, Explanation } from '../engine';
import { loadTerraformParser } from '../embedded/terraform/parser';
import { loadScenario, runScenario, type ScenarioError } from '../simulate';
import { collectFiles } from './lint';
import { UsageError } from './usage';

interface SimulateArgs {
  format: 'text' | 'json';
  paths: string[];
}

export interface SimulateFileResult {
  file: string;
  errors: Array<{ message: string; file: string; line: number; character: number }>;
  results: Array<{ name: string; decision: Decision | undefined; expected: Decision | undefined; pass: boolean; explanation: Explanation | undefined }>;
}

function parseArgs(argv: string[]): SimulateArgs {
  const args: SimulateArgs = { format: 'text', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const f = argv[++i];
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f ?? ''}"; use text or json`);
      args.format = f;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no FILE given');
  return args;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Positions for messages, one TextDocument per file that an error or statement points into. */
function positionIn(file: string, offset: number, cache: Map<string, TextDocument | undefined>) {
  if (!cache.has(file)) {
    const text = readOrUndefined(file);
    cache.set(file, text === undefined ? undefined : TextDocument.create(`file://${file}`, 'json', 0, text));
  }
  return cache.get(file)?.positionAt(offset) ?? { line: 0, character: 0 };
}

function located(e: ScenarioError, docs: Map<string, TextDocument | undefined>) {
  const p = positionIn(e.file, e.range.start, docs);
  return { message: e.message, file: e.file, line: p.line, character: p.character };
}

export async function simulateCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const files = collectFiles(args.paths, (name) => name.endsWith('.iamsim.json'));
  // Scenarios may name policies inside .tf files (`./main.tf#data.aws_iam_policy_document.x`).
  await loadTerraformParser();
  const docs = new Map<string, TextDocument | undefined>();
  const out: SimulateFileResult[] = [];
  let failed = 0;
  let passed = 0;
  const lines: string[] = [];
  for (const file of files) {
    const absolute = path.resolve(file);
    const text = readOrUndefined(absolute);
    if (text === undefined) throw new UsageError(`cannot read ${file}`);
    const run = runScenario(loadScenario(text, absolute, readOrUndefined));
    const errors = run.errors.map((e) => located(e, docs));
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
        const p = positionIn(s.file, s.range.start, docs);
        lines.push(`      decided by ${s.effect} in ${path.relative(process.cwd(), s.file)}:${p.line + 1}:${p.character + 1} (${s.label})`);
      }
    }
  }
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else process.stdout.write(`${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

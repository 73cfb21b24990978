// `iam-sts` — the linter (and, later, the simulator) from a terminal, over the same core as the
// language server. Exit codes: 0 clean, 1 an ERROR was found, 2 bad usage.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIamData, type IamData } from './data/iamData';
import { findingDocUrl } from './lint';
import { analyzePolicyText, type Problem } from './policy/analyze';
import { detectKind } from './policy/kinds';
import { DOCUMENT_KINDS, type DocumentKind } from './policy/model';
import { toSarif } from './sarif';

const USAGE = `Usage:
  iam-sts lint [--kind K] [--own-accounts A,B] [--format text|json|sarif] PATH...

  PATH            a policy file, or a folder (every *.json policy in it, recursively)
  --kind K        treat every file as this kind: ${DOCUMENT_KINDS.join(', ')}
  --own-accounts  comma-separated account IDs that are yours (for trust-policy checks)
  --format        text (default), json, or sarif (SARIF 2.1.0 for code-scanning upload)

Exit status: 0 no ERROR finding, 1 at least one ERROR finding, 2 bad usage.`;

class UsageError extends Error {}

interface LintArgs {
  kind?: DocumentKind;
  ownAccounts: string[];
  format: 'text' | 'json' | 'sarif';
  paths: string[];
}

function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { ownAccounts: [], format: 'text', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--kind') {
      const k = value();
      if (!DOCUMENT_KINDS.includes(k as DocumentKind)) throw new UsageError(`unknown kind "${k}"; one of ${DOCUMENT_KINDS.join(', ')}`);
      args.kind = k as DocumentKind;
    } else if (a === '--own-accounts') {
      args.ownAccounts = value().split(',').map((s) => s.trim()).filter(Boolean);
    } else if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}"; use text, json or sarif`);
      args.format = f;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('no PATH given');
  return args;
}

/** Files to lint: given files as they are; folders walked for *.json, skipping node_modules and dot folders. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (st.isFile()) {
      files.push(p);
      continue;
    }
    const stack = [p];
    while (stack.length) {
      const dir = stack.pop()!;
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.endsWith('.iamsim.json')) files.push(full);
      }
    }
  }
  return files;
}

export interface FileResult {
  file: string;
  kind: DocumentKind | undefined;
  findings: Array<{ code: string; type: string; message: string; range: { start: Position; end: Position } }>;
}
export interface Position {
  line: number;
  character: number;
}

async function lintFile(file: string, args: LintArgs, data: IamData): Promise<FileResult | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : e}`);
  }
  const analysis = await analyzePolicyText(text, {
    kind: (model) => args.kind ?? detectKind(path.resolve(file), model),
    lint: { data, ownAccounts: args.ownAccounts },
  });
  if (!analysis.model && analysis.parsed.syntaxErrors.length === 0 && !analysis.skippedTooLarge) {
    return undefined; // JSON, but not an IAM policy: folders hold package.json and friends
  }
  const problems: Problem[] = analysis.model ? analysis.problems : analysis.parsed.syntaxErrors.map((e) => ({ source: 'syntax', code: 'JSON_SYNTAX_ERROR', type: 'ERROR', message: e.message, range: e.range }));
  if (analysis.skippedTooLarge) {
    problems.push({ source: 'syntax', code: 'FILE_TOO_LARGE', type: 'ERROR', message: 'the file is over 1 MB; no IAM policy is this large', range: { start: 0, end: 0 } });
  }
  const doc = TextDocument.create(`file://${file}`, 'json', 0, text);
  return {
    file,
    kind: analysis.kind,
    findings: problems.map((p) => ({ code: p.code, type: p.type, message: p.message, range: { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) } })),
  };
}

async function lint(argv: string[]): Promise<number> {
  const args = parseLintArgs(argv);
  const files = collectFiles(args.paths);
  const data = await loadIamData();
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await lintFile(file, args, data);
    if (r) results.push(r);
  }
  if (args.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(results, findingDocUrl), null, 2)}\n`);
  } else if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    let count = 0;
    for (const r of results) {
      for (const f of r.findings) {
        count++;
        process.stdout.write(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.type} ${f.code}: ${f.message}\n`);
      }
    }
    process.stdout.write(`${results.length} ${results.length === 1 ? 'policy' : 'policies'} checked, ${count} ${count === 1 ? 'finding' : 'findings'}\n`);
  }
  return results.some((r) => r.findings.some((f) => f.type === 'ERROR')) ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lint(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`iam-sts: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`iam-sts: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

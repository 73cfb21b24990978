// `iam-sts lint`: the linter over files and folders.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIamData, type IamData } from '../data/iamData';
import { findingDocUrl } from '../lint';
import { analyzePolicyText, DEFAULT_MAX_FILE_SIZE, type Problem } from '../policy/analyze';
import { detectKind } from '../policy/kinds';
import { DOCUMENT_KINDS, type DocumentKind } from '../policy/model';
import { collectFiles, reasonOf } from './files';
import { UsageError } from './usage';
import { printable } from './printable';
import { toSarif } from './sarif';

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

export interface FileResult {
  file: string;
  kind: DocumentKind | undefined;
  findings: Array<{ code: string; type: string; message: string; range: { start: Position; end: Position } }>;
}
export interface Position {
  line: number;
  character: number;
}

/** Files over this are not read at all: not even to tell whether they are policies. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

function errorResult(file: string, code: string, message: string): FileResult {
  const at = { line: 0, character: 0 };
  return { file, kind: undefined, findings: [{ code, type: 'ERROR', message, range: { start: at, end: at } }] };
}

/** A result, undefined for JSON that is not a policy, or a line saying why the file was skipped. */
async function lintFile(file: string, args: LintArgs, data: IamData): Promise<FileResult | undefined | { skipped: string }> {
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { skipped: `skipped ${file}: not a regular file (a FIFO, socket or device)` };
    if (st.size > MAX_READ_BYTES) return { skipped: `skipped ${file}: larger than ${MAX_READ_BYTES / 1024 / 1024} MB, not read` };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    // One unreadable file is that file's error; the others are still checked.
    return errorResult(file, 'FILE_UNREADABLE', `cannot read the file: ${reasonOf(e)}`);
  }
  return lintText(file, text, args, data);
}

/** The findings of one file's text, with zero-based positions; undefined for JSON that is not a policy. */
export async function lintText(file: string, text: string, args: Pick<LintArgs, 'kind' | 'ownAccounts'>, data: IamData): Promise<FileResult | undefined> {
  if (text.length > DEFAULT_MAX_FILE_SIZE) {
    // As in the editor: only a file that looks like a policy is reported; a large
    // package-lock.json is not one.
    return text.includes('"Statement"') ? errorResult(file, 'FILE_TOO_LARGE', 'the file is over 1 MB; no IAM policy is this large') : undefined;
  }
  // One document for the schema's positions and ours: its line table is built once.
  const doc = TextDocument.create(`file://${file}`, 'json', 0, text);
  const analysis = await analyzePolicyText(text, {
    kind: (model) => args.kind ?? detectKind(path.resolve(file), model),
    textDocument: doc,
    lint: { data, ownAccounts: args.ownAccounts },
  });
  if (!analysis.model && analysis.parsed.syntaxErrors.length === 0) {
    return undefined; // JSON, but not an IAM policy: folders hold package.json and friends
  }
  const problems: Problem[] = analysis.model ? analysis.problems : analysis.parsed.syntaxErrors.map((e) => ({ source: 'syntax', code: 'JSON_SYNTAX_ERROR', type: 'ERROR', message: e.message, range: e.range }));
  return {
    file,
    kind: analysis.kind,
    findings: problems.map((p) => ({ code: p.code, type: p.type, message: p.message, range: { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) } })),
  };
}

export async function lintCommand(argv: string[]): Promise<number> {
  const args = parseLintArgs(argv);
  const { files, problems } = collectFiles(args.paths, (name) => name.endsWith('.json') && !name.endsWith('.iamsim.json'));
  const data = await loadIamData();
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await lintFile(file, args, data);
    if (r && 'skipped' in r) problems.push(r.skipped);
    else if (r) results.push(r);
  }
  for (const p of problems) process.stderr.write(`iam-sts: ${printable(p)}\n`);
  if (args.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(results, findingDocUrl), null, 2)}\n`);
  } else if (args.format === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    // One write: a write per finding is a system call per line when stdout is a file or a pipe.
    const lines: string[] = [];
    for (const r of results) {
      for (const f of r.findings) lines.push(`${printable(r.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.type} ${f.code}: ${printable(f.message)}\n`);
    }
    const count = lines.length;
    lines.push(`${results.length} ${results.length === 1 ? 'policy' : 'policies'} checked, ${count} ${count === 1 ? 'finding' : 'findings'}\n`);
    process.stdout.write(lines.join(''));
  }
  return results.some((r) => r.findings.some((f) => f.type === 'ERROR')) ? 1 : 0;
}


// `iam-sts lint`: the linter over files and folders.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadIamData, type IamData } from '../data/iamData';
import { findingDocUrl } from '../lint';
import { analyzeDocument } from '../analysis/analyzeDocument';
import { DEFAULT_MAX_FILE_SIZE, type Problem } from '../analysis/problem';
import { allProblems } from '../analysis/region';
import { detectKind } from '../policy/kinds';
import { DOCUMENT_KINDS, type DocumentKind } from '../policy/model';
import { siblingTerraformTexts } from '../embedded/terraform/siblings';
import { collectFiles, reasonOf } from './files';
import { moduleTexts, type ModuleTexts } from './moduleTexts';
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
  /** A policy file's kind; undefined for a template or a `.tf` file (each policy has its own). */
  kind: DocumentKind | undefined;
  /** The policies of a template or a `.tf` file: their locators, kinds and host ranges. */
  policies?: Array<{ policy: string; kind: DocumentKind; range: { start: Position; end: Position } }>;
  findings: Array<{ code: string; type: string; message: string; range: { start: Position; end: Position }; policy?: string }>;
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
async function lintFile(file: string, args: LintArgs, data: IamData, siblings: ModuleTexts): Promise<FileResult | undefined | { skipped: string }> {
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
  return lintText(file, text, args, data, siblings);
}

/**
 * The findings of one file's text, with zero-based positions; undefined for JSON that is not a policy.
 * `siblings` gives a `.tf` file's module: the other `.tf` files of its folder.
 */
export async function lintText(
  file: string,
  text: string,
  args: Pick<LintArgs, 'kind' | 'ownAccounts'>,
  data: IamData,
  siblings: ModuleTexts = (f) => siblingTerraformTexts(f),
): Promise<FileResult | undefined> {
  if (text.length > DEFAULT_MAX_FILE_SIZE) {
    // As in the editor: only a file that looks like a policy is reported; a large
    // package-lock.json is not one.
    return /"?[Ss]tatement"?/.test(text) ? errorResult(file, 'FILE_TOO_LARGE', 'the file is over 1 MB; no IAM policy is this large') : undefined;
  }
  // One document for the schema's positions and ours: its line table is built once.
  const doc = TextDocument.create(`file://${file}`, 'json', 0, text);
  const analysis = await analyzeDocument(text, doc.uri, {
    kindOf: (model) => args.kind ?? detectKind(path.resolve(file), model),
    textDocument: doc,
    lint: { data, ownAccounts: args.ownAccounts },
    siblings: () => (file.endsWith('.tf') ? siblings(file) : []),
  });
  if (analysis.regions.length === 0 && analysis.syntaxProblems.length === 0 && !analysis.skippedTooLarge) {
    return undefined; // not an IAM policy nor a template holding one: folders hold package.json and friends
  }
  const range = (r: { start: number; end: number }) => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });
  if (analysis.host !== 'policy') {
    return {
      file,
      kind: undefined,
      policies: analysis.regions.map((r) => ({ policy: r.locator ?? '', kind: r.kind, range: range(r.hostRange) })),
      findings: analysis.regions.flatMap((r) => r.problems.map((p) => ({ code: p.code, type: p.type, message: p.message, range: range(p.range), policy: r.locator ?? '' }))),
    };
  }
  const problems: Problem[] = analysis.regions.length > 0 ? [...allProblems(analysis)] : analysis.syntaxProblems;
  if (analysis.skippedTooLarge) {
    problems.push({ source: 'syntax', code: 'FILE_TOO_LARGE', type: 'ERROR', message: 'the file is over 1 MB; no IAM policy is this large', range: { start: 0, end: 0 } });
  }
  return {
    file,
    kind: analysis.regions[0]?.kind,
    findings: problems.map((p) => ({ code: p.code, type: p.type, message: p.message, range: { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) } })),
  };
}

/** Policy files, CloudFormation/SAM templates and Terraform files; scenario files are not policies. */
function isLintable(name: string): boolean {
  if (name.endsWith('.iamsim.json')) return false;
  return /\.(json|ya?ml|template|tf)$/i.test(name);
}

export async function lintCommand(argv: string[]): Promise<number> {
  const args = parseLintArgs(argv);
  const { files, problems } = collectFiles(args.paths, isLintable);
  const data = await loadIamData();
  const results: FileResult[] = [];
  const siblings = moduleTexts();
  for (const file of files) {
    const r = await lintFile(file, args, data, siblings);
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
      for (const f of r.findings) lines.push(`${printable(r.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.type} ${f.code}: ${printable(f.message)}${f.policy ? ` [${printable(f.policy)}]` : ''}\n`);
    }
    const count = lines.length;
    const policies = results.reduce((n, r) => n + (r.policies ? r.policies.length : 1), 0);
    lines.push(`${policies} ${policies === 1 ? 'policy' : 'policies'} checked, ${count} ${count === 1 ? 'finding' : 'findings'}\n`);
    process.stdout.write(lines.join(''));
  }
  return results.some((r) => r.findings.some((f) => f.type === 'ERROR')) ? 1 : 0;
}


// One analysis of one policy text: syntax, schema (and, as they land, lint findings).
// Shared by the language server and the CLI; returns offsets, never LSP types.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamData } from '../data/iamData';
import { lintPolicy } from '../lint';
import type { DocumentKind, OffsetRange, PolicyModel } from './model';
import { parsePolicyText, type ParsedPolicyText } from './parse';
import { schemaProblems } from './schemaValidation';

export type ProblemSource = 'syntax' | 'schema' | 'lint';
export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Problem {
  source: ProblemSource;
  /** Access Analyzer issue code or ours; syntax and schema problems carry their own. */
  code: string;
  type: FindingType;
  message: string;
  range: OffsetRange;
  data?: unknown;
}

/** Larger files are not validated: no IAM policy comes near this, and parsing one would stall the server. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface PolicyAnalysis {
  parsed: ParsedPolicyText;
  model: PolicyModel | undefined;
  kind: DocumentKind | undefined;
  problems: Problem[];
  /** Set when the file was too large to analyse. */
  skippedTooLarge?: boolean;
}

export interface AnalyzeOptions {
  kind: (model: PolicyModel) => DocumentKind;
  maxFileSize?: number;
  textDocument?: TextDocument;
  /** Runs the linter too when given: the IAM service reference and the user's own accounts. */
  lint?: { data: IamData; ownAccounts: readonly string[] };
}

export async function analyzePolicyText(text: string, options: AnalyzeOptions): Promise<PolicyAnalysis> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxFileSize) {
    return {
      parsed: { root: undefined, syntaxErrors: [], model: undefined },
      model: undefined,
      kind: undefined,
      problems: [],
      skippedTooLarge: true,
    };
  }
  const parsed = parsePolicyText(text);
  const model = parsed.model;
  if (!model) return { parsed, model, kind: undefined, problems: [] };
  const kind = options.kind(model);
  const problems: Problem[] = parsed.syntaxErrors.map((e) => ({
    source: 'syntax',
    code: 'JSON_SYNTAX_ERROR',
    type: 'ERROR',
    message: e.message,
    range: e.range,
  }));
  const textDocument = options.textDocument ?? TextDocument.create('inmemory://policy.json', 'json', 0, text);
  const schema: Problem[] = (await schemaProblems(parsed, textDocument, kind)).map((p) => ({
    source: 'schema',
    code: 'POLICY_GRAMMAR',
    type: p.severity === 'error' ? 'ERROR' : 'WARNING',
    message: p.message,
    range: p.range,
  }));
  const lintProblems: Problem[] = options.lint
    ? lintPolicy(model, kind, { text, data: options.lint.data, ownAccounts: [...options.lint.ownAccounts] }).map((f) => ({
        source: 'lint',
        code: f.code,
        type: f.type,
        message: f.message,
        range: f.range,
        ...(f.data !== undefined ? { data: f.data } : {}),
      }))
    : [];
  // The linter and the schema often see the same fault (a wrong Effect, a Principal where none
  // is allowed); the linter's finding carries Access Analyzer's code, so it wins.
  const byLint = (p: Problem) => lintProblems.some((l) => l.type === 'ERROR' && overlaps(l.range, p.range));
  problems.push(...schema.filter((p) => !byLint(p)), ...lintProblems);
  return { parsed, model, kind, problems };
}

function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start < b.end && b.start < a.end;
}

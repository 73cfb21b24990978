// One analysis of one policy text: syntax, schema (and, as they land, lint findings).
// Shared by the language server and the CLI; returns offsets, never LSP types.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamData } from '../data/iamData';
import { lintPolicy, lintPolicyPausing } from '../lint';
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
  /** Awaited between steps (lint rules): the language server yields there and throws to cancel. */
  pause?: () => Promise<void>;
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
  const lintOptions = options.lint && { text, data: options.lint.data, ownAccounts: [...options.lint.ownAccounts] };
  await options.pause?.();
  const findings = lintOptions && (options.pause ? await lintPolicyPausing(model, kind, lintOptions, options.pause) : lintPolicy(model, kind, lintOptions));
  const lintProblems: Problem[] = findings
    ? findings.map((f) => ({
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
  const byLint = overlapsAnyOf(lintProblems.filter((l) => l.type === 'ERROR').map((l) => l.range));
  problems.push(...schema.filter((p) => !byLint(p)), ...lintProblems);
  return { parsed, model, kind, problems };
}

/** Whether a problem's range overlaps one of `ranges`: sorted once, a binary search per problem (thousands of findings meet thousands of schema problems). */
function overlapsAnyOf(ranges: OffsetRange[]): (p: Problem) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [i, r] of sorted.entries()) maxEnd.push(Math.max(r.end, i > 0 ? maxEnd[i - 1] : -Infinity));
  return ({ range }) => {
    // The last range starting before this one ends; any earlier one ending after its start overlaps.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < range.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > range.start;
  };
}

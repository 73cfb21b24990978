// The checks of one policy: syntax, schema and lint findings, as offsets in the host text.
// A plain policy file is parsed here; a policy found inside a template or a `.tf` file arrives
// as a jsonc-shaped tree whose offsets are already the host file's. Returns offsets, never LSP types.
import type { Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamData } from '../data/iamData';
import { lintPolicy, lintPolicyPausing } from '../lint';
import type { DocumentKind, OffsetRange, PolicyModel } from '../policy/model';
import { buildPolicyModel, parsePolicyText, type ParsedPolicyText } from '../policy/parse';
import { schemaProblems } from '../policy/schemaValidation';
import { DEFAULT_MAX_FILE_SIZE, type Problem } from './problem';

export { DEFAULT_MAX_FILE_SIZE, type FindingType, type Problem, type ProblemSource } from './problem';

export interface PolicyAnalysis {
  parsed: ParsedPolicyText;
  model: PolicyModel | undefined;
  kind: DocumentKind | undefined;
  problems: Problem[];
  /** Set when the file was too large to analyse. */
  skippedTooLarge?: boolean;
}

export interface LintInputs {
  data: IamData;
  ownAccounts: readonly string[];
}

export interface AnalyzeOptions {
  kind: (model: PolicyModel) => DocumentKind;
  maxFileSize?: number;
  textDocument?: TextDocument;
  /** Runs the linter too when given: the IAM service reference and the user's own accounts. */
  lint?: LintInputs;
  /** Awaited between steps (lint rules): the language server yields there and throws to cancel. */
  pause?: () => Promise<void> | undefined;
}

/** A policy file: the whole text is one JSON policy. */
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
  const syntax: Problem[] = parsed.syntaxErrors.map((e) => ({
    source: 'syntax',
    code: 'JSON_SYNTAX_ERROR',
    type: 'ERROR',
    message: e.message,
    range: e.range,
  }));
  const textDocument = options.textDocument ?? TextDocument.create('inmemory://policy.json', 'json', 0, text);
  const problems = await checkPolicy({ parsed, model, kind, textDocument, policyText: text, lint: options.lint, pause: options.pause });
  return { parsed, model, kind, problems: [...syntax, ...problems] };
}

export interface EmbeddedPolicyInput {
  /** The policy as a jsonc-shaped tree with offsets in the host text (see server/src/embedded/). */
  root: Node;
  /** The model built from `root`, when the caller has it. */
  model?: PolicyModel;
  kind: DocumentKind;
  /** The host file, for positions of schema problems. */
  textDocument: TextDocument;
  lint?: LintInputs;
  /** Accounts the host names as its own (a template's `${AWS::AccountId}`). */
  extraOwnAccounts?: readonly string[];
  pause?: () => Promise<void> | undefined;
}

/** A policy inside a template or a Terraform file: schema and lint over its tree. */
export async function analyzeEmbeddedPolicy(input: EmbeddedPolicyInput): Promise<{ model: PolicyModel; problems: Problem[] }> {
  const model = input.model ?? buildPolicyModel(input.root);
  const value = treeValue(input.root);
  const parsed: ParsedPolicyText = { root: input.root, syntaxErrors: [], model, json: { value } };
  // The service deploys the policy as JSON: its size quotas count that text.
  const policyText = JSON.stringify(value);
  const lint = input.lint && { data: input.lint.data, ownAccounts: [...input.lint.ownAccounts, ...(input.extraOwnAccounts ?? [])] };
  const problems = await checkPolicy({ parsed, model, kind: input.kind, textDocument: input.textDocument, policyText, lint, pause: input.pause });
  return { model, problems };
}

interface CheckInput {
  parsed: ParsedPolicyText;
  model: PolicyModel;
  kind: DocumentKind;
  textDocument: TextDocument;
  policyText: string;
  lint?: LintInputs;
  pause?: () => Promise<void> | undefined;
}

async function checkPolicy(input: CheckInput): Promise<Problem[]> {
  const { parsed, model, kind } = input;
  const schema: Problem[] = (await schemaProblems(parsed, input.textDocument, kind)).map((p) => ({
    source: 'schema',
    code: 'POLICY_GRAMMAR',
    type: p.severity === 'error' ? 'ERROR' : 'WARNING',
    message: p.message,
    range: p.range,
  }));
  const lintOptions = input.lint && { text: input.policyText, data: input.lint.data, ownAccounts: [...input.lint.ownAccounts] };
  await input.pause?.();
  const findings = lintOptions && (input.pause ? await lintPolicyPausing(model, kind, lintOptions, input.pause) : lintPolicy(model, kind, lintOptions));
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
  return [...schema.filter((p) => !byLint(p)), ...lintProblems];
}

/** The plain value of a jsonc-shaped tree, as JSON.parse would give it. */
export function treeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        // defineProperty: a key named __proto__ is data, as JSON.parse keeps it.
        if (k && v) Object.defineProperty(out, String(k.value), { value: treeValue(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(treeValue);
    default:
      return node.value;
  }
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

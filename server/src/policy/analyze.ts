// One analysis of one policy text: syntax, schema (and, as they land, lint findings).
// Shared by the language server and the CLI; returns offsets, never LSP types.
import type { JSONDocument } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind, OffsetRange, PolicyModel } from './model';
import { parsePolicyText, type ParsedPolicyText } from './parse';
import { jsonLanguageService, validateAgainstSchema } from './schemaValidation';

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
  /** The JSON language service's parse of this version, made only when the text is a policy. */
  jsonDocument?: () => JSONDocument;
  textDocument?: TextDocument;
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
  const jsonDocument = options.jsonDocument?.() ?? jsonLanguageService().parseJSONDocument(textDocument);
  for (const p of await validateAgainstSchema(textDocument, jsonDocument, kind)) {
    problems.push({ source: 'schema', code: 'POLICY_GRAMMAR', type: p.severity === 'error' ? 'ERROR' : 'WARNING', message: p.message, range: p.range });
  }
  return { parsed, model, kind, problems };
}

// The analysis pipeline: a document's text → its policies, each checked. Shared by the language
// server and the CLI. Host formats are found by server/src/embedded/; the engine and the
// linter only ever see policy models.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonTemplateRoot, mayBeTemplate, templatePolicies } from '../embedded/cloudformation';
import { updatedYamlTemplateState, yamlTemplateState, type YamlTemplateState } from '../embedded/cloudformation/incrementalYaml';
import type { FoundPolicy } from '../embedded/foundPolicy';
import type { MergedDocument } from '../embedded/terraform/mergeDocuments';
import { parseYamlTree } from '../embedded/cloudformation/yamlTree';
import { isServerlessFile, serverlessPolicies } from '../embedded/serverless';
import { terraformPolicies } from '../embedded/terraform';
import { kindFromContent } from '../policy/kinds';
import type { DocumentKind, OffsetRange, PolicyModel } from '../policy/model';
import { buildPolicyModel } from '../policy/parse';
import { analyzeEmbeddedPolicy, analyzePolicyText, treeValue, type LintInputs } from './analyzePolicy';
import { cachedProblems, keepProblems } from './regionCache';
import { DEFAULT_MAX_FILE_SIZE, type Problem } from './problem';
import type { DocumentAnalysis, PolicyRegion } from './region';
import { hclDocumentWriter, hclObjectWriter } from './writers/hclWriter';
import { jsonWriter } from './writers/jsonWriter';
import type { PolicyWriter } from './writers/policyWriter';
import { yamlWriter } from './writers/yamlWriter';

export interface AnalysisSettings {
  /** The kind of a policy file (the user's choice, the settings' globs, the name, the content). */
  kindOf: (model: PolicyModel) => DocumentKind;
  maxFileSize?: number;
  /** The document, when the caller has one: its line table serves every position. */
  textDocument?: TextDocument;
  /** Runs the linter too when given. */
  lint?: LintInputs;
  /** For a `.tf` file: the texts of the other `.tf` files of its folder, where its documents may be used. */
  siblings?: () => readonly string[];
  /** Awaited between steps (lint rules, policies): the language server yields there and throws to cancel. */
  pause?: () => Promise<void> | undefined;
}

const WRITERS: Record<FoundPolicy['edits'], PolicyWriter> = { json: jsonWriter, yaml: yamlWriter, 'hcl-object': hclObjectWriter, 'hcl-document': hclDocumentWriter };

export type HostFileType = 'json' | 'yaml' | 'terraform';

/** What a file name says its host format is: `.tf` Terraform, `.yaml`/`.yml` YAML, else JSON. */
export function hostFileType(uri: string): HostFileType {
  const path = uri.toLowerCase().replace(/[?#].*$/, '');
  if (path.endsWith('.tf')) return 'terraform';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  return 'json';
}

export async function analyzeDocument(text: string, uri: string, settings: AnalysisSettings): Promise<DocumentAnalysis> {
  if (text.length > (settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return { host: 'policy', regions: [], syntaxProblems: [], skippedTooLarge: true };
  const textDocument = settings.textDocument ?? TextDocument.create(uri, 'json', 0, text);
  const type = hostFileType(uri);
  if (type === 'terraform') return { host: 'terraform', regions: await embeddedRegions(await terraformPolicies(text, settings.siblings?.() ?? []), textDocument, settings), syntaxProblems: [] };
  // A `.template` file is JSON or YAML: its first character says which.
  const yaml = type === 'yaml' || (uri.toLowerCase().endsWith('.template') && !/^\s*\{/.test(text));
  if (yaml && isServerlessFile(uri)) {
    const { root } = parseYamlTree(text);
    return { host: 'cloudformation', regions: root ? await embeddedRegions(serverlessPolicies(root), textDocument, settings) : [], syntaxProblems: [] };
  }
  if (yaml) {
    const state = yamlState(uri, text);
    return { host: 'cloudformation', regions: state ? await embeddedRegions(state.entries.map((e) => e.found), textDocument, settings) : [], syntaxProblems: [] };
  }
  const analysis = await analyzePolicyText(text, { kind: settings.kindOf, maxFileSize: Infinity, textDocument, lint: settings.lint, pause: settings.pause });
  const syntaxProblems: Problem[] = analysis.parsed.syntaxErrors.map((e) => ({ source: 'syntax', code: 'JSON_SYNTAX_ERROR', type: 'ERROR', message: e.message, range: e.range }));
  if (!analysis.model || !analysis.kind || !analysis.parsed.root) {
    const template = mayBeTemplate(text) ? jsonTemplateRoot(text) : undefined;
    if (template) return { host: 'cloudformation', regions: await embeddedRegions(templatePolicies(template, 'json'), textDocument, settings), syntaxProblems: [] };
    return { host: 'policy', regions: [], syntaxProblems };
  }
  const region: PolicyRegion = {
    kind: analysis.kind,
    model: analysis.model,
    problems: analysis.problems,
    hostRange: { start: 0, end: text.length },
    locator: undefined,
    anchor: 0,
    syntax: 'json',
    root: analysis.parsed.root,
    writer: jsonWriter,
    unknownRanges: [],
    parsed: analysis.parsed,
  };
  return { host: 'policy', regions: [region], syntaxProblems };
}

/** The last parse of each YAML template, for the next keystroke (see incrementalYaml.ts). */
const yamlStates = new Map<string, YamlTemplateState>();
const YAML_STATES_KEPT = 16;

function yamlState(uri: string, text: string): YamlTemplateState | undefined {
  const previous = yamlStates.get(uri);
  const state = (previous && updatedYamlTemplateState(previous, text)) || (mayBeTemplate(text) ? yamlTemplateState(text) : undefined);
  yamlStates.delete(uri);
  if (state) {
    if (yamlStates.size >= YAML_STATES_KEPT) yamlStates.delete(yamlStates.keys().next().value!);
    yamlStates.set(uri, state);
  }
  return state;
}

/** Identity of the linter's inputs, for the region cache: the service reference object and the own accounts. */
const lintIdentity = new WeakMap<object, number>();
let lintIdentities = 0;

function lintKey(lint: LintInputs | undefined): string {
  if (!lint) return 'no lint';
  let id = lintIdentity.get(lint.data);
  if (id === undefined) lintIdentity.set(lint.data, (id = ++lintIdentities));
  return `${id}:${lint.ownAccounts.join(',')}`;
}

async function embeddedRegions(found: FoundPolicy[], textDocument: TextDocument, settings: AnalysisSettings): Promise<PolicyRegion[]> {
  const regions: PolicyRegion[] = [];
  const text = textDocument.getText();
  for (const f of found) {
    // A Terraform document merging others: the engine and the linter see what Terraform renders.
    const model = buildPolicyModel(f.merged?.root ?? f.root);
    const kind = f.kind ?? kindFromContent(model);
    const start = f.hostRange.start;
    const relative = f.unknownRanges.map((u) => `${u.start - start}-${u.end - start}`).join(',');
    const key = [lintKey(settings.lint), kind, f.locator, f.ownAccounts.join(','), (f.notApplicable ?? []).join(','), relative, text.slice(start, f.hostRange.end), JSON.stringify(treeValue(f.merged?.root ?? f.root))].join('\u0000');
    let problems = cachedProblems(key, start);
    if (!problems) {
      await settings.pause?.();
      const checked = await analyzeEmbeddedPolicy({ root: f.root, model, kind, textDocument, lint: settings.lint, extraOwnAccounts: f.ownAccounts, pause: settings.pause });
      problems = checked.problems.filter((p) => !onUnknownValue(p.range, f.unknownRanges, model) && !statementUnknown(p, f.unknownRanges, model) && !f.notApplicable?.includes(p.code));
      if (f.merged) problems = [...mergeProblems(f.merged), ...problems.filter((p) => ownFinding(p.range, f.merged!, model))];
      if (f.edits === 'hcl-document') problems = problems.map((p) => ({ ...p, message: terraformWords(p.message) }));
      keepProblems(key, start, problems);
    }
    regions.push({
      kind,
      model,
      problems,
      hostRange: f.hostRange,
      locator: f.locator,
      anchor: f.anchor,
      syntax: f.syntax,
      root: f.root,
      writer: WRITERS[f.edits],
      unknownRanges: f.unknownRanges,
      ...(f.maxSessionDuration !== undefined ? { maxSessionDuration: f.maxSessionDuration } : {}),
    });
  }
  return regions;
}

/** Terraform refuses source documents that repeat a sid. */
function mergeProblems(merged: MergedDocument): Problem[] {
  return merged.duplicateSids.map(({ sid, range }) => ({
    source: 'schema',
    code: 'TERRAFORM_DUPLICATE_SOURCE_SID',
    type: 'ERROR',
    message: `Statement sid "${sid}" is already in an earlier source document: Terraform refuses duplicate sids among source_policy_documents.`,
    range,
  }));
}

/**
 * A merged document's findings on statements of another document belong to that document's own
 * policy, and are not repeated here. When a merged document is not known, the policy may hold
 * more statements than we see: only findings inside its own statements stay.
 */
function ownFinding(range: OffsetRange, merged: MergedDocument, model: PolicyModel): boolean {
  const inside = (r: OffsetRange) => r.start <= range.start && range.end <= r.end;
  if (merged.foreignRanges.some(inside)) return false;
  if (merged.unknownReferences.length === 0) return true;
  return model.statements.some((st) => inside(st.range) && !merged.foreignRanges.some((f) => f.start === st.range.start && f.end === st.range.end));
}

/** Policy element names → the data source's attribute and block names, so a message speaks Terraform. */
const TERRAFORM_NAMES: Record<string, string> = {
  NotAction: 'not_actions',
  NotResource: 'not_resources',
  NotPrincipal: 'not_principals',
  Action: 'actions',
  Resource: 'resources',
  Principal: 'principals',
  Condition: 'condition',
  Effect: 'effect',
  Sid: 'sid',
};

function terraformWords(message: string): string {
  return message.replace(/\b(NotAction|NotResource|NotPrincipal|Action|Resource|Principal|Condition|Effect|Sid)\b(?![:/])/g, (w) => TERRAFORM_NAMES[w]);
}

/**
 * Findings that judge a whole statement from who it lets in: a statement holding any value the
 * host computes (`identifiers = local.identifiers`) may name anyone, or only its own account,
 * so saying it is public would be a guess.
 */
const WHOLE_STATEMENT_CODES = new Set(['RESOURCE_POLICY_GRANTS_PUBLIC_ACCESS']);

function statementUnknown(problem: Problem, unknown: readonly OffsetRange[], model: PolicyModel): boolean {
  if (!WHOLE_STATEMENT_CODES.has(problem.code) || unknown.length === 0) return false;
  const st = model.statements.find((s) => s.range.start <= problem.range.start && problem.range.end <= s.range.end);
  return !!st && unknown.some((u) => st.range.start <= u.start && u.end <= st.range.end);
}

/**
 * A finding that touches a value the host computes is not reported: we cannot know it is
 * wrong. Findings over a whole statement or the whole policy are about its structure and stay.
 */
function onUnknownValue(range: OffsetRange, unknown: readonly OffsetRange[], model: PolicyModel): boolean {
  if (!unknown.some((u) => u.start < range.end && range.start < u.end)) return false;
  const covers = (r: OffsetRange) => range.start <= r.start && r.end <= range.end;
  return !(covers(model.range) || model.statements.some((st) => covers(st.range)));
}

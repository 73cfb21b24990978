// Loads the embedded-policy cases under test/fixtures/embedded and runs one through analyzeDocument.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../../server/src/analysis/analyzeDocument';
import type { DocumentAnalysis } from '../../../server/src/analysis/region';
import type { IamData } from '../../../server/src/data/iamData';
import { applyEdits, fixesFor } from '../../../server/src/explain/quickFixes';
import type { FixData } from '../../../server/src/lint/types';

export interface EmbeddedCase {
  name: string;
  doc: string;
  /** The host file's name: its extension decides the format. */
  file: string;
  /** The host file, one string per line. */
  text: string[];
  ownAccounts?: string[];
  /** Other files of the host file's folder (a Terraform module), by name, one string per line. */
  siblings?: Record<string, string[]>;
  /** For a quick-fix case: the finding to fix (its policy and code) and which fix. */
  fix?: { policy: string; code: string; pick?: number };
  expected: {
    /** `locator kind`, in the order of the file. */
    policies?: string[];
    /** Every finding: its policy, code, range as `line:column-line:column` (one-based) and the text there. */
    findings?: Array<{ policy: string; code: string; range: string; text: string }>;
    /** The statements the engine and the linter see, as JSON, by policy (a merged Terraform document). */
    rendered?: Record<string, unknown[]>;
    /** For a quick-fix case: the file after the fix, one string per line. */
    text?: string[];
  };
}

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'embedded');

export function loadCaseFiles(): Array<{ file: string; cases: EmbeddedCase[] }> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, cases: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as EmbeddedCase[] }));
}

export async function analyzeCase(c: EmbeddedCase, data: IamData): Promise<{ text: string; doc: TextDocument; analysis: DocumentAnalysis }> {
  const text = c.text.join('\n');
  const uri = `file:///case/${c.file}`;
  const doc = TextDocument.create(uri, 'plaintext', 0, text);
  const siblings = Object.values(c.siblings ?? {}).map((lines) => lines.join('\n'));
  const analysis = await analyzeDocument(text, uri, { kindOf: () => 'identity', textDocument: doc, lint: { data, ownAccounts: c.ownAccounts ?? [] }, siblings: () => siblings });
  return { text, doc, analysis };
}

export function describeFindings(text: string, doc: TextDocument, analysis: DocumentAnalysis) {
  return analysis.regions.flatMap((r) =>
    r.problems.map((p) => {
      const s = doc.positionAt(p.range.start);
      const e = doc.positionAt(p.range.end);
      return { policy: r.locator ?? "(file)", code: p.code, range: `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`, text: text.slice(p.range.start, p.range.end) };
    }),
  );
}

/** The text after the case's quick fix, or an explanation of why there is none. */
export function fixedText(c: EmbeddedCase, text: string, analysis: DocumentAnalysis): string {
  const fix = c.fix!;
  const region = analysis.regions.find((r) => r.locator === fix.policy);
  if (!region) throw new Error(`no policy ${fix.policy}`);
  const problem = region.problems.find((p) => p.code === fix.code);
  if (!problem) throw new Error(`no ${fix.code} in ${fix.policy}: ${region.problems.map((p) => p.code).join(', ')}`);
  const plan = fixesFor({ text, model: region.model, range: problem.range, data: problem.data as FixData, writer: region.writer })[fix.pick ?? 0];
  if (!plan) throw new Error(`no fix for ${fix.code}`);
  return applyEdits(text, plan.edits);
}

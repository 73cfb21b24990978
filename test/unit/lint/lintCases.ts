// Loads the JSON lint cases under test/fixtures/lint and runs one through the linter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IamData } from '../../../server/src/data/iamData';
import { lintPolicy, type Finding } from '../../../server/src/lint';
import type { DocumentKind } from '../../../server/src/policy/model';
import { parsePolicyText } from '../../../server/src/policy/parse';

export interface LintCase {
  name: string;
  /** The AWS page the case follows. */
  doc?: string;
  kind: DocumentKind;
  /** The policy as JSON; written out with two-space indentation. */
  policy?: unknown;
  /** The policy as text, for what JSON values cannot express (case of keys, odd spacing). */
  policyText?: string;
  /** A generated policy: `statements` copies of one statement, for the size quotas. */
  generate?: { statements: number; statement: unknown };
  ownAccounts?: string[];
  expected: {
    fires?: string[];
    notFires?: string[];
    /** Code → the source text of the first finding with that code. */
    at?: Record<string, string>;
    /** Code → the `data` of the first finding with that code. */
    data?: Record<string, unknown>;
    /** Code → the message of the first finding with that code (Access Analyzer's findingDetails where it documents one). */
    message?: Record<string, string>;
    /** Code → the finding type (ERROR, SECURITY_WARNING, WARNING, SUGGESTION) of the first finding with that code. */
    type?: Record<string, string>;
    /** Code → how many findings with that code. */
    count?: Record<string, number>;
  };
}

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'lint');

export function loadCaseFiles(): Array<{ file: string; cases: LintCase[] }> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, cases: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as LintCase[] }));
}

export function caseText(c: LintCase): string {
  if (c.policyText !== undefined) return c.policyText;
  if (c.generate) return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: c.generate.statements }, () => c.generate!.statement) }, null, 2);
  return JSON.stringify(c.policy, null, 2);
}

export function runCase(c: LintCase, data: IamData): { text: string; findings: Finding[] } {
  const text = caseText(c);
  const parsed = parsePolicyText(text);
  if (!parsed.model) throw new Error(`case "${c.name}": the text is not a policy`);
  return { text, findings: lintPolicy(parsed.model, c.kind, { text, data, ownAccounts: c.ownAccounts }) };
}

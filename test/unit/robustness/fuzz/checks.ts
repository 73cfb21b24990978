// What every fuzzed input must satisfy, in process: the analysis (syntax, schema, linter), the
// CLI's lint function and its text line, hover, completion and code actions at random offsets,
// the engine on the parsed model, and scenarios. A broken rule is thrown as an Error.
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../../../server/src/cli/lint';
import { printable } from '../../../../server/src/cli/printable';
import type { IamData } from '../../../../server/src/data/iamData';
import type { AnalyzedDocument } from '../../../../server/src/documentStore';
import { DECISIONS, evaluate } from '../../../../server/src/engine';
import { codeActionsFor } from '../../../../server/src/features/codeActions';
import { completionFor } from '../../../../server/src/features/completion';
import { toDiagnostics } from '../../../../server/src/features/diagnostics';
import { hoverFor } from '../../../../server/src/features/hover';
import { analyzeDocument } from '../../../../server/src/analysis/analyzeDocument';
import { allProblems } from '../../../../server/src/analysis/region';
import { DOCUMENT_KINDS, type DocumentKind, type OffsetRange } from '../../../../server/src/policy/model';
import { scenarioOutcome } from '../../../../server/src/scenarioWorkspace';
import { loadScenario, runScenario } from '../../../../server/src/simulate';
import type { Prng } from './prng';

export function assertRangeInside(range: OffsetRange, length: number, what: string): void {
  if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length)) {
    throw new Error(`${what} range ${JSON.stringify(range)} is outside the text of length ${length}`);
  }
}

/** Line lengths as LSP counts them: lines end at \r\n, \r or \n; lengths in UTF-16 code units. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export function assertPositionInside(p: { line: number; character: number }, lines: readonly number[], what: string): void {
  if (!(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line])) {
    throw new Error(`${what} position ${JSON.stringify(p)} is outside the document (${lines.length} lines${p.line < lines.length ? `, line ${p.line} has ${lines[p.line]} characters` : ''})`);
  }
}

export async function checkPolicyText(text: string, rng: Prng, data: IamData, withCli: boolean): Promise<void> {
  const kind: DocumentKind = rng.pick(DOCUMENT_KINDS);
  const textDocument = TextDocument.create('file:///fuzz/p.json', 'json', 1, text);
  const analysis = await analyzeDocument(text, textDocument.uri, { kindOf: () => kind, textDocument, lint: { data, ownAccounts: ['111122223333'] } });
  const problems = [...analysis.syntaxProblems, ...allProblems(analysis)];
  for (const p of problems) assertRangeInside(p.range, text.length, `${p.code} problem`);
  const lines = lineLengths(text);
  for (const d of toDiagnostics(textDocument, problems, {})) {
    assertPositionInside(d.range.start, lines, `${d.code} diagnostic start`);
    assertPositionInside(d.range.end, lines, `${d.code} diagnostic end`);
  }
  const analyzed: AnalyzedDocument = { uri: textDocument.uri, version: 1, textDocument, analysis };
  for (let i = 0; i < 3; i++) {
    const position = textDocument.positionAt(rng.int(text.length + 1));
    const params = { textDocument: { uri: textDocument.uri }, position };
    const hover = hoverFor(analyzed, params, data);
    if (hover?.range) assertPositionInside(hover.range.start, lines, 'hover');
    completionFor(analyzed, params, data, rng.int(2) === 0);
    codeActionsFor(analyzed, { textDocument: params.textDocument, range: { start: position, end: position }, context: { diagnostics: toDiagnostics(textDocument, problems, {}) } });
  }
  const model = analysis.regions[0]?.model;
  if (model) {
    const st = model.statements[0];
    const action = st?.action?.values[0]?.text ?? 's3:GetObject';
    const resource = st?.resource?.values[0]?.text ?? '*';
    const policies = kind === 'identity' || kind === 'session' || kind === 'boundary' ? { identity: [model] } : { resource: model, identity: [model] };
    const result = evaluate({ principal: 'arn:aws:iam::111122223333:user/fuzz', action, resource, context: { 'aws:SourceIp': '10.0.0.1' } }, policies);
    if (!(DECISIONS as readonly string[]).includes(result.decision)) throw new Error(`the engine decided ${String(result.decision)}`);
  }
  if (withCli) {
    const result = await lintText('fuzz.json', text, { kind: rng.int(2) === 0 ? kind : undefined, ownAccounts: [] }, data);
    for (const f of result?.findings ?? []) {
      assertPositionInside(f.range.start, lines, `CLI ${f.code} start`);
      const line = `fuzz.json:1:1: ${f.type} ${f.code}: ${printable(f.message)}`;
      if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(line)) throw new Error(`the CLI line for ${f.code} holds a control character`);
    }
  }
}

/** A mutated scenario, loaded and run against in-memory policy files. */
export function checkScenarioText(text: string, policies: ReadonlyMap<string, string>): void {
  const file = path.resolve('/fuzz/s.iamsim.json');
  const scenario = loadScenario(text, file, (p) => policies.get(path.basename(p)));
  const outcome = scenarioOutcome(scenario, runScenario(scenario, { now: new Date('2025-01-01T00:00:00Z') }));
  for (const e of scenario.errors) if (e.file === file) assertRangeInside(e.range, text.length, 'scenario error');
  for (const p of outcome.problems.get(file) ?? []) assertRangeInside(p.range, text.length, `${p.code} problem`);
  for (const t of scenario.tests) assertRangeInside(t.range, text.length, 'test');
}

// Scenario outcomes (offsets in the texts a run read) → LSP: diagnostics, and the results the
// client's Test Explorer shows. Positions are computed in the very text the offsets refer to.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { SimulationExplanationText, SimulationLocation, SimulationResults } from '../protocol';
import type { ExplanationText, OffsetLocation, ScenarioRecord, SimulationProblem } from '../scenarioWorkspace';
import type { OffsetRange } from '../policy/model';
import { DIAGNOSTIC_SOURCE, type SeverityOverride } from './diagnostics';

const OVERRIDE_SEVERITY: Record<Exclude<SeverityOverride, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function fileUri(file: string): string {
  return URI.file(file).toString();
}

/** Offsets → positions for the texts one run read, each text wrapped once. */
export class TextPositions {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  document(file: string): TextDocument | undefined {
    let doc = this.docs.get(file);
    const text = this.texts.get(file);
    if (!doc && text !== undefined) {
      doc = TextDocument.create(fileUri(file), 'json', 0, text);
      this.docs.set(file, doc);
    }
    return doc;
  }

  range(file: string, range: OffsetRange): Range {
    const doc = this.document(file);
    if (!doc) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
  }
}

export function toDiagnostic(document: TextDocument, problem: SimulationProblem, overrides: Record<string, SeverityOverride>): Diagnostic | undefined {
  const override = overrides[problem.code];
  if (override === 'off') return undefined;
  return {
    range: { start: document.positionAt(problem.range.start), end: document.positionAt(problem.range.end) },
    severity: override ? OVERRIDE_SEVERITY[override] : problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    message: problem.message,
  };
}

export function toSimulationResults(record: ScenarioRecord): SimulationResults {
  const positions = new TextPositions(record.texts);
  const outcome = record.outcome;
  return {
    uri: fileUri(record.file),
    errors: (outcome?.fileErrors ?? []).map((e) => ({ message: e.message, range: positions.range(record.file, e.range) })),
    tests: (outcome?.tests ?? []).map(({ result, explanation }, i) => ({
      id: `${i}:${result.name}`,
      name: result.name,
      range: positions.range(record.file, result.range),
      decision: result.decision,
      expected: result.expected,
      pass: result.pass,
      errors: result.errors.map((e) => e.message),
      explanation: explanation && toExplanationText(explanation, positions),
    })),
  };
}

/** `uriOf` maps the explanation's file keys to uris: file paths by default. */
export function toExplanationText(text: ExplanationText, positions: TextPositions, uriOf: (file: string) => string = fileUri): SimulationExplanationText {
  return {
    summary: text.summary,
    details: text.details,
    decidedBy: text.decidedBy.map((l) => toLocation(l, positions, uriOf)),
    ...(text.missingAllow ? { missingAllow: toLocation(text.missingAllow, positions, uriOf) } : {}),
  };
}

function toLocation(location: OffsetLocation, positions: TextPositions, uriOf: (file: string) => string): SimulationLocation {
  return {
    uri: uriOf(location.file),
    range: positions.range(location.file, location.range),
    label: location.label,
    ...(location.effect ? { effect: location.effect } : {}),
  };
}

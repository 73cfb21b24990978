// Problems (offsets, finding types) → LSP diagnostics. The only place that knows both.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FindingType, Problem } from '../analysis/problem';

export const DIAGNOSTIC_SOURCE = 'IAM STS Studio';

export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

export function severityOf(type: FindingType): DiagnosticSeverity {
  switch (type) {
    case 'ERROR':
      return DiagnosticSeverity.Error;
    case 'SECURITY_WARNING':
    case 'WARNING':
      return DiagnosticSeverity.Warning;
    case 'SUGGESTION':
      return DiagnosticSeverity.Information;
  }
}

const overrideSeverity: Record<Exclude<SeverityOverride, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(
  document: TextDocument,
  problems: readonly Problem[],
  options: { docUrl?: (code: string) => string | undefined; overrides?: Record<string, SeverityOverride> } = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const p of problems) {
    const override = options.overrides?.[p.code];
    if (override === 'off') continue;
    const href = p.source === 'lint' ? options.docUrl?.(p.code) : undefined;
    diagnostics.push({
      range: { start: document.positionAt(p.range.start), end: document.positionAt(p.range.end) },
      severity: override ? overrideSeverity[override] : severityOf(p.type),
      source: DIAGNOSTIC_SOURCE,
      code: p.code,
      ...(href ? { codeDescription: { href } } : {}),
      message: p.message,
      ...(p.data !== undefined ? { data: p.data } : {}),
    });
  }
  return diagnostics;
}

// What the code lens of an embedded policy lists: its findings as quick-pick rows (severity,
// code, message, line), in the order of the file. No vscode here: the command shows the rows.
import type { PolicyFinding, PolicyFindingsArgs } from '../../../server/src/protocol';

const SEVERITIES: Record<PolicyFinding['severity'], { icon: string; name: string }> = {
  1: { icon: '$(error)', name: 'Error' },
  2: { icon: '$(warning)', name: 'Warning' },
  3: { icon: '$(info)', name: 'Information' },
  4: { icon: '$(lightbulb)', name: 'Hint' },
};

export interface FindingRow {
  label: string;
  description: string;
  detail: string;
  range: PolicyFinding['range'];
}

export interface FindingsPick {
  title: string;
  placeHolder: string;
  rows: FindingRow[];
}

export function planFindingsPick(args: PolicyFindingsArgs): FindingsPick {
  const sorted = [...args.findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.severity - b.severity);
  const count = sorted.length;
  return {
    title: `${args.locator} (${args.kind}): ${count} ${count === 1 ? 'finding' : 'findings'}`,
    placeHolder: 'Pick a finding to go to it',
    rows: sorted.map((f) => ({
      label: `${SEVERITIES[f.severity].icon} ${f.code}`,
      description: `${SEVERITIES[f.severity].name}, line ${f.range.start.line + 1}`,
      detail: f.message,
      range: f.range,
    })),
  };
}

/** The lens's argument as the command receives it: anything else (a stale or hand-run call) shows nothing. */
export function findingsArgsOf(value: unknown): PolicyFindingsArgs | undefined {
  const v = value as Partial<PolicyFindingsArgs> | undefined;
  return v && typeof v.uri === 'string' && Array.isArray(v.findings) ? (v as PolicyFindingsArgs) : undefined;
}

// Text for simulation results: the Test Explorer's failure message and the command links that
// reveal a statement. Pure (no vscode), so it is unit-tested.
import type { SimulationExplanationText, SimulationLocation, SimulationTestResult } from '../../../server/src/protocol';

export const REVEAL_COMMAND = 'iamSts.revealSimulationLocation';

/** A `command:` link that opens the file at the location and selects it. */
export function revealCommandUri(location: Pick<SimulationLocation, 'uri' | 'range'>): string {
  return `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([{ uri: location.uri, range: location.range }]))}`;
}

/** Markdown for a failed or errored test: expected vs actual, the summary, then the details. */
export function testFailureMarkdown(test: SimulationTestResult): string {
  if (test.errors.length > 0) return `The test could not run:\n\n${test.errors.map((e) => `- ${escapeMarkdown(e)}`).join('\n')}`;
  const lines = [`**Expected** \`${test.expected ?? '?'}\`, **got** \`${test.decision ?? 'no decision'}\`.`];
  if (test.explanation) lines.push('', ...explanationMarkdown(test.explanation));
  return lines.join('\n');
}

export function explanationMarkdown(explanation: SimulationExplanationText): string[] {
  const lines = [escapeMarkdown(explanation.summary)];
  const places = [...explanation.decidedBy, ...(explanation.missingAllow ? [explanation.missingAllow] : [])];
  if (places.length > 0) {
    lines.push('');
    for (const d of explanation.decidedBy) lines.push(`- Decided by ${d.effect ?? ''} ${escapeMarkdown(d.label)} (line ${d.range.start.line + 1})`.replace('  ', ' '));
    if (explanation.missingAllow) lines.push(`- No Allow in ${escapeMarkdown(explanation.missingAllow.label)}`);
  }
  lines.push('', '```text', ...explanation.details, '```');
  return lines;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// The "Simulate Request…" result as a self-contained HTML page: decision, summary, links that
// reveal the deciding statements, the details. Pure; no scripts (links are command URIs).
import type { SimulateRequestParams, SimulateRequestResult, SimulationLocation } from '../../../server/src/protocol';
import { escapeHtml, revealCommandUri } from './simulationText';

const DECISION_WORDS: Record<SimulateRequestResult['decision'], string> = {
  allowed: 'Allowed',
  explicitDeny: 'Explicit deny',
  implicitDeny: 'Implicit deny',
};

export function decisionTitle(result: SimulateRequestResult): string {
  return DECISION_WORDS[result.decision];
}

export function explanationHtml(request: SimulateRequestParams, result: SimulateRequestResult, policyName: string): string {
  const e = result.explanation;
  const link = (l: SimulationLocation, text: string) => `<a href="${escapeHtml(revealCommandUri(l))}">${escapeHtml(text)}</a>`;
  const deciding = e.decidedBy.map((d) => `<li>${escapeHtml(d.effect ?? '')} ${link(d, d.label)} <span class="muted">line ${d.range.start.line + 1}</span></li>`);
  if (e.missingAllow) deciding.push(`<li>No Allow in ${link(e.missingAllow, e.missingAllow.label)}</li>`);
  const context = Object.entries(request.context);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>Simulation: ${escapeHtml(decisionTitle(result))}</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 1.5em; line-height: 1.5; }
  .decision { font-size: 1.6em; font-weight: 600; margin: 0.6em 0 0.2em; }
  .decision.allowed { color: var(--vscode-testing-iconPassed, #73c991); }
  .decision.explicitDeny, .decision.implicitDeny { color: var(--vscode-testing-iconFailed, #f14c4c); }
  .muted { color: var(--vscode-descriptionForeground); }
  table { border-collapse: collapse; margin: 0.5em 0 1em; }
  td { padding: 0.15em 1em 0.15em 0; vertical-align: top; }
  td:first-child { color: var(--vscode-descriptionForeground); }
  code, pre { font-family: var(--vscode-editor-font-family); }
  pre { background: var(--vscode-textCodeBlock-background); padding: 0.8em; overflow-x: auto; }
  a { color: var(--vscode-textLink-foreground); }
</style>
</head>
<body>
<div class="decision ${escapeHtml(result.decision)}" data-decision="${escapeHtml(result.decision)}">${escapeHtml(decisionTitle(result))}</div>
<p class="summary">${escapeHtml(e.summary)}</p>
<table>
<tr><td>Policy</td><td><code>${escapeHtml(policyName)}</code>, evaluated as ${escapeHtml(result.role)}</td></tr>
<tr><td>Principal</td><td><code>${escapeHtml(request.principal)}</code></td></tr>
<tr><td>Action</td><td><code>${escapeHtml(request.action)}</code></td></tr>
<tr><td>Resource</td><td><code>${escapeHtml(request.resource)}</code></td></tr>
<tr><td>Context</td><td>${context.length ? context.map(([k, v]) => `<code>${escapeHtml(k)}=${escapeHtml(Array.isArray(v) ? v.join(' | ') : v)}</code>`).join('<br>') : '<span class="muted">none</span>'}</td></tr>
</table>
${deciding.length ? `<h3>Deciding statements</h3>\n<ul>${deciding.join('\n')}</ul>` : ''}
${result.assumptions.length ? `<h3>Assumptions</h3>\n<ul>${result.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('\n')}</ul>` : ''}
<h3>Details</h3>
<pre>${escapeHtml(e.details.join('\n'))}</pre>
</body>
</html>`;
}

// The linter's façade: run every rule that applies to the document kind over one policy model.
import type { DocumentKind, PolicyModel } from '../policy/model';
import { LINT_RULES } from './registry';
import type { Finding, LintContext, LintOptions, LintRule } from './types';

export function lintPolicy(model: PolicyModel, kind: DocumentKind, options: LintOptions, rules: readonly LintRule[] = LINT_RULES): Finding[] {
  const steps = lintSteps(model, kind, options, rules);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same, giving way between rules: `pause` runs after each rule (the language server lets
 * other documents' requests through there, and throws to abandon a stale version).
 */
export async function lintPolicyPausing(model: PolicyModel, kind: DocumentKind, options: LintOptions, pause: () => Promise<void> | undefined, rules: readonly LintRule[] = LINT_RULES): Promise<Finding[]> {
  const steps = lintSteps(model, kind, options, rules);
  let step = steps.next();
  while (!step.done) {
    // Awaited only when it yields: most calls return nothing (see DocumentStore's pauser).
    const paused = pause();
    if (paused) await paused;
    step = steps.next();
  }
  return step.value;
}

function* lintSteps(model: PolicyModel, kind: DocumentKind, options: LintOptions, rules: readonly LintRule[]): Generator<void, Finding[]> {
  const ctx: LintContext = {
    model,
    kind,
    text: options.text,
    data: options.data,
    ownAccounts: new Set(options.ownAccounts ?? []),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    rule.check(ctx, (range, message, data) => {
      findings.push(data === undefined ? { code: rule.code, type: rule.type, message, range } : { code: rule.code, type: rule.type, message, range, data });
    });
    yield;
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
}


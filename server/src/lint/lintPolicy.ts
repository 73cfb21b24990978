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
export async function lintPolicyPausing(model: PolicyModel, kind: DocumentKind, options: LintOptions, pause: () => Promise<void>, rules: readonly LintRule[] = LINT_RULES): Promise<Finding[]> {
  const steps = lintSteps(model, kind, options, rules);
  let step = steps.next();
  while (!step.done) {
    await pause();
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
  return withoutSubsumed(findings).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
}

/**
 * Findings another finding on the same characters already says, more precisely: a public
 * resource policy (which weighs every condition key that limits the caller) makes the plain
 * "wildcard principal without a condition" warning a repetition.
 */
const SUBSUMED_BY: ReadonlyMap<string, string> = new Map([['WILDCARD_PRINCIPAL_WITHOUT_CONDITION', 'RESOURCE_POLICY_GRANTS_PUBLIC_ACCESS']]);

function withoutSubsumed(findings: Finding[]): Finding[] {
  const at = new Set(findings.map((f) => `${f.code}@${f.range.start}:${f.range.end}`));
  return findings.filter((f) => {
    const wider = SUBSUMED_BY.get(f.code);
    return !(wider && at.has(`${wider}@${f.range.start}:${f.range.end}`));
  });
}

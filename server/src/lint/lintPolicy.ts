// The linter's façade: run every rule that applies to the document kind over one policy model.
import type { DocumentKind, PolicyModel } from '../policy/model';
import { LINT_RULES } from './registry';
import type { Finding, LintContext, LintOptions, LintRule, Report } from './types';

/**
 * Without pauses: a plain loop over the rules of the kind. A run of the CLI calls this for
 * thousands of policies with some 150 rules each, where a generator's step and a reporter
 * made per rule were a measurable part of the linter's time.
 */
export function lintPolicy(model: PolicyModel, kind: DocumentKind, options: LintOptions, rules: readonly LintRule[] = LINT_RULES): Finding[] {
  const ctx = context(model, kind, options);
  const findings = new Findings();
  for (const rule of rulesOfKind(rules, kind)) {
    findings.rule = rule;
    rule.check(ctx, findings.report);
  }
  return findings.sorted();
}

/**
 * The same, giving way between rules: `pause` runs after each rule (the language server lets
 * other documents' requests through there, and throws to abandon a stale version). It returns a
 * promise only when it yields (see DocumentStore's pauser); only then is it awaited.
 */
export async function lintPolicyPausing(model: PolicyModel, kind: DocumentKind, options: LintOptions, pause: () => Promise<void> | undefined, rules: readonly LintRule[] = LINT_RULES): Promise<Finding[]> {
  const ctx = context(model, kind, options);
  const findings = new Findings();
  for (const rule of rulesOfKind(rules, kind)) {
    findings.rule = rule;
    rule.check(ctx, findings.report);
    const paused = pause();
    if (paused) await paused;
  }
  return findings.sorted();
}

/** The findings of one run, each under the code of the rule running when it was reported: one reporter for all the rules. */
class Findings {
  rule!: LintRule;
  private readonly list: Finding[] = [];
  readonly report: Report = (range, message, data) => {
    const { code, type } = this.rule;
    this.list.push(data === undefined ? { code, type, message, range } : { code, type, message, range, data });
  };

  sorted(): Finding[] {
    return this.list.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
  }
}

function context(model: PolicyModel, kind: DocumentKind, options: LintOptions): LintContext {
  return { model, kind, text: options.text, data: options.data, ownAccounts: new Set(options.ownAccounts ?? []) };
}

/** The rules that apply to a kind, in the list's order; worked out once per list and kind. */
const byKind = new WeakMap<readonly LintRule[], Map<DocumentKind, readonly LintRule[]>>();

function rulesOfKind(rules: readonly LintRule[], kind: DocumentKind): readonly LintRule[] {
  let kinds = byKind.get(rules);
  if (!kinds) byKind.set(rules, (kinds = new Map()));
  let out = kinds.get(kind);
  if (!out) kinds.set(kind, (out = rules.filter((r) => !r.kinds || r.kinds.includes(kind))));
  return out;
}


import { MAX_EVALUATIONS_PER_POLICY, shadowingDenies } from '../engineChecks/shadowingDenies';
import { isAllow } from '../support/statements';
import type { LintRule } from '../types';

/**
 * An Allow every request of which a Deny of the same policy refuses: an explicit Deny always
 * wins, so the Allow grants nothing and was probably meant to do something else.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * Decided by the evaluation engine over a bounded set of canonical requests (engineChecks/shadowingDenies).
 */
export const allowShadowedByDeny: LintRule = {
  code: 'ALLOW_SHADOWED_BY_DENY',
  type: 'WARNING',
  // Policies evaluated as the caller's own permissions; a resource policy's Deny may name other principals.
  kinds: ['identity', 'boundary', 'session'],
  check({ model, data }, report) {
    if (!model.statements.some((st) => st.effect?.value === 'Deny')) return;
    // Shared by all statements: a policy full of shadowed Allows costs no more than a few.
    const budget = { remaining: MAX_EVALUATIONS_PER_POLICY };
    for (const st of model.statements) {
      if (!isAllow(st)) continue;
      const denies = shadowingDenies(model, st, data, budget);
      if (!denies || denies.length === 0) continue;
      const names = denies.map((d) => (d.sid?.value ? `"${d.sid.value}"` : `#${d.index + 1}`));
      const which = names.length === 1 ? `the Deny statement ${names[0]}` : `the Deny statements ${names.join(', ')}`;
      report(
        (st.sid?.value ? st.sid.range : undefined) ?? st.effect!.range,
        `This Allow grants nothing: ${which} refuses every request it would allow, and an explicit Deny always wins. Narrow the Deny or remove this statement.`,
      );
    }
  },
};

import { mfaVerdict } from '../engineChecks/mfaByEvaluation';
import { policyDeniesWithoutMfa, statementRequiresMfa } from '../support/mfa';
import { classifyAwsPrincipal } from '../../iam/principals';
import { conditionsOnKey, isAllow, isRestrictingUse, statementCoversAction } from '../support/statements';
import type { LintRule } from '../types';

/** IAM users and whole accounts can be people; roles and services cannot sign in with MFA of their own. */
const HUMAN_TYPES = ['user', 'account', 'root'];

export const missingMfaForHumanPrincipal: LintRule = {
  code: 'MISSING_MFA_FOR_HUMAN_PRINCIPAL',
  type: 'SECURITY_WARNING',
  kinds: ['trust'],
  check({ model }, report) {
    const deniedWithoutMfa = policyDeniesWithoutMfa(model, 'sts:AssumeRole');
    if (deniedWithoutMfa) return;
    for (const st of model.statements) {
      if (!isAllow(st) || !statementCoversAction(st, 'sts:AssumeRole') || statementRequiresMfa(st)) continue;
      // Requiring an external ID marks a service-to-service grant, not a person.
      if (conditionsOnKey(st, 'sts:externalid').some(isRestrictingUse)) continue;
      for (const e of st.principal?.entries ?? []) {
        if (e.kind !== 'AWS' || e.value.jsonType !== 'string') continue;
        const type = classifyAwsPrincipal(e.value.text).type;
        if (!HUMAN_TYPES.includes(type)) continue;
        // The syntax above knows the common ways to require MFA; the engine also sees the rest
        // (a Deny on `Null aws:MultiFactorAuthAge`, conditions spread over statements). When the
        // engine cannot answer (the sample request misses some other condition), the syntax stands.
        if (mfaVerdict(model, st, e.value.text) === 'mfaRequired') continue;
        const who = type === 'user' ? 'This IAM user' : 'Any IAM user of this account';
        report(
          e.value.range,
          `${who} can assume the role without MFA. Add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the statement (BoolIfExists would let long-term access keys through).`,
          { fix: 'addMfa', statementIndex: st.index },
        );
      }
    }
  },
};

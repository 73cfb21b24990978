import { classifyAwsPrincipal } from '../../iam/principals';
import { conditionsOnKey, isAllow, isRestrictingUse, statementCoversAction } from '../support/statements';
import type { LintRule } from '../types';

// The confused-deputy gap: a role that another account may assume should require the external
// ID that account was given, unless an organization condition already limits who can call.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
export const missingExternalIdForThirdPartyPrincipal: LintRule = {
  code: 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL',
  type: 'SECURITY_WARNING',
  kinds: ['trust'],
  check({ model, ownAccounts }, report) {
    for (const st of model.statements) {
      if (!isAllow(st) || !statementCoversAction(st, 'sts:AssumeRole')) continue;
      const guarded = ['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths'].some((key) =>
        conditionsOnKey(st, key).some((u) => isRestrictingUse(u) || (u.operator?.qualifier === 'ForAnyValue' && !u.operator.negated)),
      );
      if (guarded) continue;
      for (const e of st.principal?.entries ?? []) {
        if (e.kind !== 'AWS' || e.value.jsonType !== 'string') continue;
        const account = classifyAwsPrincipal(e.value.text).account;
        if (!account || ownAccounts.has(account)) continue;
        report(
          e.value.range,
          `Account ${account} is not one of your own accounts, and nothing requires sts:ExternalId: a third party that assumes this role for several customers can be tricked into using it for someone else (confused deputy). Add a StringEquals condition on sts:ExternalId, or, if ${account} is yours, add it to the iamSts.ownAccounts setting.`,
          { fix: 'addExternalId', statementIndex: st.index, account, also: [{ fix: 'markOwnAccount', account }] },
        );
      }
    }
  },
};

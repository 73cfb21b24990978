import { classifyAwsPrincipal } from '../../iam/principals';
import { isOpenPrincipal } from '../support/principalShapes';
import type { LintRule } from '../types';

// A whole account (its ID or root ARN) trusts every principal of that account its administrators
// allow to assume the role, so listing one of its users, roles or sessions beside it adds no one;
// neither does writing the same principal twice. For principals of the role's own account the
// direct mention also spares them an identity policy, which the message says.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
export const redundantPrincipalInRoleTrustPolicy: LintRule = {
  code: 'REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY',
  type: 'SUGGESTION',
  kinds: ['trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      const values = (st.principal?.entries ?? []).filter((e) => e.kind === 'AWS' && e.value.jsonType === 'string' && !isOpenPrincipal(e.value.text)).map((e) => e.value);
      const accounts = new Set<string>();
      for (const v of values) {
        const p = classifyAwsPrincipal(v.text);
        if ((p.type === 'account' || p.type === 'root') && p.account) accounts.add(p.account);
      }
      const seen = new Set<string>();
      for (const v of values) {
        const p = classifyAwsPrincipal(v.text);
        // An account ID and its root ARN name the same principal.
        const identity = (p.type === 'account' || p.type === 'root') && p.account ? `account:${p.account}` : v.text;
        if (seen.has(identity)) {
          report(v.range, `The principal ${v.text} is listed more than once in this statement. Remove the repetition.`);
          continue;
        }
        seen.add(identity);
        if (p.account && accounts.has(p.account) && p.type !== 'account' && p.type !== 'root' && p.type !== 'other') {
          report(
            v.range,
            `The principal ${v.text} is redundant: the account ${p.account} listed in the same statement already trusts it. Remove it, unless it is in the role's own account and you rely on naming it to let it assume the role without an identity policy.`,
          );
        }
      }
    }
  },
};

import { federatedGrants, limitsClaim, providerConditions } from '../support/federation';
import { isGithubActionsHost } from '../support/principals';
import type { LintRule } from '../types';

// Anyone with a token from the provider can assume the role unless a condition on the
// provider's claims narrows it (`aud` to your app, `sub` to your identities). Cognito
// identity pools need `aud`: https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
export const missingConditionKeyForOidcPrincipal: LintRule = {
  code: 'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
  type: 'SECURITY_WARNING',
  kinds: ['trust'],
  check({ model }, report) {
    for (const g of federatedGrants(model)) {
      const { type, host } = g.provider;
      if ((type !== 'oidc' && type !== 'cognito') || isGithubActionsHost(host)) continue;
      const claim = type === 'cognito' ? 'aud' : undefined;
      if (providerConditions(g.statement, host, claim).some(limitsClaim)) continue;
      report(
        g.entry.value.range,
        type === 'cognito'
          ? 'Any Cognito identity pool can hand out tokens for this role: add a StringEquals condition on cognito-identity.amazonaws.com:aud naming your identity pool.'
          : `Using an OpenID Connect principal without a condition can be overly permissive. Add condition keys with the prefix ${host}: (such as ${host}:aud and ${host}:sub) so only the intended identities assume the role.`,
        { fix: 'addOidcAudience', statementIndex: g.statement.index, providerHost: host },
      );
    }
  },
};

import { federatedGrants, limitsClaim, providerConditions } from '../support/federation';
import { isGithubActionsHost } from '../../iam/principals';
import type { LintRule } from '../types';

// Anyone with a token from the provider can assume the role unless a condition on the
// provider's claims narrows it (`aud` to your app, `sub` to your identities). Cognito
// identity pools need `aud`: https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
// An EKS cluster's provider (`oidc.eks.REGION.amazonaws.com/id/ID`) gives every service account a
// token with the same audience (sts.amazonaws.com), so EKS needs `sub`:
// https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
/** `oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF` (and the China partition's `amazonaws.com.cn`). */
function isEksHost(host: string): boolean {
  return /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+$/i.test(host);
}

export const missingConditionKeyForOidcPrincipal: LintRule = {
  code: 'MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL',
  type: 'SECURITY_WARNING',
  kinds: ['trust'],
  check({ model }, report) {
    for (const g of federatedGrants(model)) {
      const { type, host } = g.provider;
      if ((type !== 'oidc' && type !== 'cognito') || isGithubActionsHost(host)) continue;
      const claim = type === 'cognito' ? 'aud' : isEksHost(host) ? 'sub' : undefined;
      if (providerConditions(g.statement, host, claim).some(limitsClaim)) continue;
      if (claim === 'sub') {
        // Every service account of the cluster gets a token with the same audience.
        const hasAudience = providerConditions(g.statement, host, 'aud').some(limitsClaim);
        report(
          g.entry.value.range,
          `${hasAudience ? `Checking only ${host}:aud` : 'Using the EKS OpenID Connect principal without a sub condition'} lets every service account of the cluster assume the role. Add a StringEquals condition on ${host}:sub naming the service account (system:serviceaccount:NAMESPACE:NAME).`,
          hasAudience ? undefined : { fix: 'addOidcAudience', statementIndex: g.statement.index, providerHost: host },
        );
        continue;
      }
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

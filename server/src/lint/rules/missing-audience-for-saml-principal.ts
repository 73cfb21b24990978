import { federatedGrants, limitsClaim, providerConditions } from '../support/federation';
import type { LintRule } from '../types';

// `SAML:aud` ties the assertion to the AWS sign-in endpoint it was issued for.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html
export const missingAudienceForSamlPrincipal: LintRule = {
  code: 'MISSING_AUDIENCE_FOR_SAML_PRINCIPAL',
  type: 'SECURITY_WARNING',
  kinds: ['trust'],
  check({ model }, report) {
    for (const g of federatedGrants(model)) {
      if (g.provider.type !== 'saml') continue;
      if (providerConditions(g.statement, 'saml', 'aud').some(limitsClaim)) continue;
      report(
        g.entry.value.range,
        'The role trusts a SAML provider without a SAML:aud condition. Add StringEquals "SAML:aud": "https://signin.aws.amazon.com/saml" (or your Region\'s sign-in endpoint).',
        { fix: 'addSamlAudience', statementIndex: g.statement.index },
      );
    }
  },
};

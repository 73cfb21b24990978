import { federatedGrants, providerConditions } from '../support/federation';
import type { LintRule } from '../types';

// STS puts a web identity token's audience in the `…:aud` key as one string. A set operator
// (ForAnyValue:, ForAllValues:) treats it as a list: ForAllValues is also true when the key is
// absent, and both hide whether the token carries one audience or several. Confirm which the
// provider issues and compare it as what it is (StringEquals for one value).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
export const confirmAudienceClaimType: LintRule = {
  code: 'CONFIRM_AUDIENCE_CLAIM_TYPE',
  type: 'SUGGESTION',
  kinds: ['trust'],
  check({ model }, report) {
    for (const g of federatedGrants(model)) {
      if (g.provider.type !== 'oidc' && g.provider.type !== 'cognito') continue;
      for (const u of providerConditions(g.statement, g.provider.host, 'aud')) {
        if (!u.operator?.qualifier) continue;
        report(
          u.entry.operator.range,
          `The ${u.entry.key.value} key holds the token's audience as a single value, but ${u.operator.qualifier}: treats it as a list. Confirm the audience claim type your provider issues; for one audience use ${u.entry.operator.value.slice(u.entry.operator.value.indexOf(':') + 1)} without the qualifier.`,
        );
      }
    }
  },
};

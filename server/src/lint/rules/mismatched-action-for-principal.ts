import { hasWildcard } from '../../iam/wildcard';
import type { PrincipalEntry } from '../../policy/model';
import { classifyFederated } from '../../iam/principals';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

// Each way into a role takes its own kind of principal: sts:AssumeRole an AWS or service
// principal, sts:AssumeRoleWithSAML a SAML provider, sts:AssumeRoleWithWebIdentity an OIDC
// provider. A statement whose principals all belong to other ways never lets anyone in with that action.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-mismatched-action-for-principal
const FITS: Record<string, (e: PrincipalEntry) => boolean> = {
  'sts:assumerole': (e) => e.kind !== 'Federated',
  'sts:assumerolewithsaml': (e) => e.kind === 'Federated' && classifyFederated(e.value.text).type === 'saml',
  'sts:assumerolewithwebidentity': (e) => e.kind === 'Federated' && classifyFederated(e.value.text).type !== 'saml',
};

export const mismatchedActionForPrincipal: LintRule = {
  code: 'MISMATCHED_ACTION_FOR_PRINCIPAL',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      const block = st.principal;
      if (!block || block.wildcard || block.entries.length === 0) continue;
      const entries = block.entries.filter((e) => e.value.jsonType === 'string');
      // A wildcard or variable principal could be of any kind.
      if (entries.length !== block.entries.length || entries.some((e) => e.kind === '*' || hasWildcard(e.value.text) || e.value.text.includes('${'))) continue;
      for (const a of stringValues(st.action?.values)) {
        const fits = FITS[a.text.toLowerCase()];
        if (!fits || entries.some(fits)) continue;
        const names = entries.map((e) => e.value.text).join(', ');
        report(
          a.range,
          `The ${a.text} action is invalid with the following principal(s): ${names}. Use a SAML provider principal with the sts:AssumeRoleWithSAML action or use an OIDC provider principal with the sts:AssumeRoleWithWebIdentity action. Ensure the provider is Federated if you use either of the two options.`,
        );
      }
    }
  },
};

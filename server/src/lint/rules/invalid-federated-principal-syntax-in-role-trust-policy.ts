import { parseArn } from '../../iam/arn';
import type { LintRule } from '../types';

// A Federated principal in a trust policy is an identity provider: a domain name
// (cognito-identity.amazonaws.com, accounts.google.com, …) or the ARN of an IAM SAML or OIDC provider.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-federated-principal-syntax-in-role-trust-policy
function isDomainName(text: string): boolean {
  const labels = text.split('.');
  return labels.length >= 2 && labels.every((l) => l.length > 0 && l.length <= 63 && /^[A-Za-z0-9-]+$/.test(l));
}

function isProviderArn(text: string): boolean {
  const arn = parseArn(text);
  return arn !== undefined && arn.service === 'iam' && (arn.resource.startsWith('saml-provider/') || arn.resource.startsWith('oidc-provider/'));
}

export const invalidFederatedPrincipalSyntaxInRoleTrustPolicy: LintRule = {
  code: 'INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      for (const e of st.principal?.entries ?? []) {
        if (e.kind !== 'Federated' || e.value.jsonType !== 'string' || e.value.text.includes('${')) continue;
        if (isDomainName(e.value.text) || isProviderArn(e.value.text)) continue;
        report(
          e.value.range,
          'The principal value specifies a federated principal that does not match the expected format. Update the federated principal to a domain name or a SAML metadata ARN.',
        );
      }
    }
  },
};

import type { LintRule } from '../types';

// Only role trust policies let an identity provider's users in; other resource-based policies
// cannot name a Federated principal.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-federated-principal-not-supported
export const federatedPrincipalNotSupported: LintRule = {
  code: 'FEDERATED_PRINCIPAL_NOT_SUPPORTED',
  type: 'ERROR',
  kinds: ['resource'],
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        for (const k of block?.kinds ?? []) {
          if (k.value !== 'Federated') continue;
          report(k.range, 'The policy type does not support a federated identity provider in the principal element. Use a supported principal.');
        }
      }
    }
  },
};

import type { LintRule } from '../types';

// A role trust policy cannot name every principal with a bare "*" ({"AWS": "*"} is the accepted form).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-role-trust-policy-unsupported-wildcard-in-principal
export const roleTrustPolicyUnsupportedWildcardInPrincipal: LintRule = {
  code: 'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (!st.principal?.wildcard) continue;
      report(st.principal.range, '"Principal:" "*" is not supported in the principal element of a role trust policy. Replace the wildcard with a valid principal value.');
    }
  },
};

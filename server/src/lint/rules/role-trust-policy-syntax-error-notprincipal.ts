import type { LintRule } from '../types';

// NotPrincipal is not allowed in role trust policies:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
export const roleTrustPolicySyntaxErrorNotPrincipal: LintRule = {
  code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      const k = st.keys.find((key) => key.value === 'NotPrincipal');
      if (k) report(k.range, 'Role trust policies do not support NotPrincipal. Use Principal to name who can assume the role.');
    }
  },
};

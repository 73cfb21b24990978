import type { LintRule } from '../types';

// An RCP applies to every principal and narrows by condition: `Principal` must be "*", and
// NotPrincipal is not an RCP element.
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
export const rcpSyntaxErrorPrincipal: LintRule = {
  code: 'RCP_SYNTAX_ERROR_PRINCIPAL',
  type: 'ERROR',
  kinds: ['rcp'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (st.principal && !st.principal.wildcard) {
        report(st.principal.range, 'RCPs support only "Principal": "*". Narrow the principals with conditions such as aws:PrincipalOrgID.');
      }
      const notPrincipal = st.keys.find((k) => k.value === 'NotPrincipal');
      if (notPrincipal) report(notPrincipal.range, 'RCPs do not support NotPrincipal. Use "Principal": "*" and a condition on aws:PrincipalArn.');
    }
  },
};

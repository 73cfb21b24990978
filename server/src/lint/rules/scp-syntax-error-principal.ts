import type { LintRule } from '../types';

// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
export const scpSyntaxErrorPrincipal: LintRule = {
  code: 'SCP_SYNTAX_ERROR_PRINCIPAL',
  type: 'ERROR',
  kinds: ['scp'],
  check({ model }, report) {
    for (const st of model.statements) {
      for (const k of st.keys) {
        if (k.value === 'Principal' || k.value === 'NotPrincipal') {
          report(k.range, 'SCPs do not support specifying principals. Remove the Principal or NotPrincipal element; use the aws:PrincipalArn condition key instead.');
        }
      }
    }
  },
};

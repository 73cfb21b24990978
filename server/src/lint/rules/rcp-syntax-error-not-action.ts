import type { LintRule } from '../types';

// NotAction is not among the RCP elements:
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
export const rcpSyntaxErrorNotAction: LintRule = {
  code: 'RCP_SYNTAX_ERROR_NOT_ACTION',
  type: 'ERROR',
  kinds: ['rcp'],
  check({ model }, report) {
    for (const st of model.statements) {
      const k = st.keys.find((key) => key.value === 'NotAction');
      if (k) report(k.range, 'RCPs do not support NotAction. List the actions to deny in Action.');
    }
  },
};

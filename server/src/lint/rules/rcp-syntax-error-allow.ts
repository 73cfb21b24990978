import { stringValues } from '../support/statements';
import type { LintRule } from '../types';
import type { Statement } from '../../policy/model';

// "The effect of Allow is only supported for the RCPFullAWSAccess policy":
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
export const rcpSyntaxErrorAllow: LintRule = {
  code: 'RCP_SYNTAX_ERROR_ALLOW',
  type: 'ERROR',
  kinds: ['rcp'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (st.effect?.value === 'Allow' && !isFullAccessStatement(st)) {
        report(st.effect.range, 'RCPs support only "Effect": "Deny"; Allow is reserved for the RCPFullAWSAccess policy that AWS attaches.');
      }
    }
  },
};

/** The one Allow statement AWS itself writes: everyone, everything, everywhere, unconditionally. */
function isFullAccessStatement(st: Statement): boolean {
  const only = (values: ReturnType<typeof stringValues>) => values.length === 1 && values[0].text === '*';
  return !!st.principal?.wildcard && only(stringValues(st.action?.values)) && only(stringValues(st.resource?.values)) && !st.condition;
}

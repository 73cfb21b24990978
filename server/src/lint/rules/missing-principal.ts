import { PRINCIPAL_KINDS } from '../support/kinds';
import { statementAnchor } from '../support/ranges';
import type { LintRule } from '../types';

export const missingPrincipal: LintRule = {
  code: 'MISSING_PRINCIPAL',
  type: 'ERROR',
  kinds: PRINCIPAL_KINDS,
  check({ model, kind }, report) {
    for (const st of model.statements) {
      if (st.keys.some((k) => k.value === 'Principal' || k.value === 'NotPrincipal')) continue;
      const what = kind === 'trust' ? 'A role trust policy' : kind === 'rcp' ? 'A resource control policy' : 'A resource-based policy';
      report(statementAnchor(st), `${what} must name a principal: add a Principal element to the policy statement.`);
    }
  },
};

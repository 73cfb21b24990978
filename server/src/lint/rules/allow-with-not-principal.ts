import { isAllow } from '../support/statements';
import type { LintRule } from '../types';

export const allowWithNotPrincipal: LintRule = {
  code: 'ALLOW_WITH_NOT_PRINCIPAL',
  type: 'SECURITY_WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      if (!isAllow(st)) continue;
      const k = st.keys.find((key) => key.value === 'NotPrincipal');
      if (k) report(k.range, 'Using Allow with NotPrincipal can be overly permissive: it can grant access to anonymous principals. We recommend that you use Principal instead.');
    }
  },
};

import { hasWildcard } from '../../iam/wildcard';
import type { LintRule } from '../types';

/** Service principals are DNS names such as `lambda.amazonaws.com`. */
export const invalidServicePrincipalFormat: LintRule = {
  code: 'INVALID_SERVICE_PRINCIPAL_FORMAT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        for (const e of block?.entries ?? []) {
          if (e.kind !== 'Service' || e.value.jsonType !== 'string' || hasWildcard(e.value.text)) continue;
          const t = e.value.text;
          const valid = t.includes('.') && [...t].every((c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '.' || c === '-');
          if (!valid) report(e.value.range, `The service principal "${t}" is not valid. Use the service's DNS name, e.g. lambda.amazonaws.com.`);
        }
      }
    }
  },
};

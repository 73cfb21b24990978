import type { LintRule } from '../types';

const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

export const invalidPrincipalKey: LintRule = {
  code: 'INVALID_PRINCIPAL_KEY',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        for (const k of block?.kinds ?? []) {
          if (!PRINCIPAL_KEYS.includes(k.value)) report(k.range, `The principal key ${k.value} is not valid. Use one of: ${PRINCIPAL_KEYS.join(', ')} (case-sensitive).`);
        }
      }
    }
  },
};

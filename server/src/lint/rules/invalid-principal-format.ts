import type { LintRule } from '../types';

/** A principal is `"*"` or an object of principal keys; any other string is neither. */
export const invalidPrincipalFormat: LintRule = {
  code: 'INVALID_PRINCIPAL_FORMAT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        if (block?.node.type === 'string' && !block.wildcard) {
          report(block.range, 'The Principal element contents are not valid. Specify a key-value pair, e.g. "Principal": {"AWS": "123456789012"}.');
        }
      }
    }
  },
};

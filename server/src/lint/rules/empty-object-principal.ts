import type { LintRule } from '../types';

export const emptyObjectPrincipal: LintRule = {
  code: 'EMPTY_OBJECT_PRINCIPAL',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        if (block?.node.type === 'object' && (block.node.children ?? []).length === 0) {
          report(block.range, 'This statement includes no principals and does not affect the policy. Specify principals.');
        }
      }
    }
  },
};

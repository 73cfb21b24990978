import type { LintRule } from '../types';

export const emptyArrayPrincipal: LintRule = {
  code: 'EMPTY_ARRAY_PRINCIPAL',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        if (block?.node.type !== 'object') continue;
        for (const prop of block.node.children ?? []) {
          const v = prop.children?.[1];
          if (v?.type === 'array' && (v.children ?? []).length === 0) {
            report({ start: v.offset, end: v.offset + v.length }, 'This statement includes no principals and does not affect the policy. Specify principals.');
          }
        }
      }
    }
  },
};

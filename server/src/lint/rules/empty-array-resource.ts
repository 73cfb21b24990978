import type { LintRule } from '../types';

export const emptyArrayResource: LintRule = {
  code: 'EMPTY_ARRAY_RESOURCE',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const list of [st.resource, st.notResource]) {
        if (list?.isArray && list.values.length === 0) report(list.range, 'This statement includes no resources and does not affect the policy. Specify resources.');
      }
    }
  },
};

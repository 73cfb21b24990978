import type { LintRule } from '../types';

export const emptyArrayAction: LintRule = {
  code: 'EMPTY_ARRAY_ACTION',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const list of [st.action, st.notAction]) {
        if (list?.isArray && list.values.length === 0) report(list.range, 'This statement includes no actions and does not affect the policy. Specify actions.');
      }
    }
  },
};

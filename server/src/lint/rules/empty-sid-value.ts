import type { LintRule } from '../types';

export const emptySidValue: LintRule = {
  code: 'EMPTY_SID_VALUE',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      if (st.sid && st.sid.node.type === 'string' && st.sid.value === '') report(st.sid.range, 'Add a value to the empty string in the Sid element.');
    }
  },
};

import type { LintRule } from '../types';

export const missingEffect: LintRule = {
  code: 'MISSING_EFFECT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      if (!st.keys.some((k) => k.value === 'Effect')) {
        report({ start: st.range.start, end: st.range.start + 1 }, 'Add an Effect element to the policy statement with a value of Allow or Deny.');
      }
    }
  },
};

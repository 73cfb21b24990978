import type { LintRule } from '../types';

export const invalidConditionKeyFormat: LintRule = {
  code: 'INVALID_CONDITION_KEY_FORMAT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const e of st.condition?.entries ?? []) {
        const key = e.key.value;
        const colon = key.indexOf(':');
        if (colon <= 0 || colon === key.length - 1) {
          report(e.key.range, `The condition key format "${key}" is not valid. Use the format service:keyname.`);
        }
      }
    }
  },
};

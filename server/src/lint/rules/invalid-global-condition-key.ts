import type { LintRule } from '../types';
import { DEPRECATED_GLOBAL_KEYS } from './unsupported-global-condition-key';

export const invalidGlobalConditionKey: LintRule = {
  code: 'INVALID_GLOBAL_CONDITION_KEY',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const e of st.condition?.entries ?? []) {
        const key = e.key.value;
        if (!key.toLowerCase().startsWith('aws:') || DEPRECATED_GLOBAL_KEYS.has(key.toLowerCase())) continue;
        if (!data.globalConditionKey(key)) report(e.key.range, `The condition key ${key} does not exist. Use a valid condition key.`);
      }
    }
  },
};

import { emptyConditionEntries } from '../support/emptyConditionValues';
import type { LintRule } from '../types';

export const emptyArrayCondition: LintRule = {
  code: 'EMPTY_ARRAY_CONDITION',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const e of emptyConditionEntries(model, 'EMPTY_ARRAY_CONDITION')) {
      report(e.valuesRange, `There are no values for the condition key ${e.key.value} and it does not affect the policy. Specify conditions.`);
    }
  },
};

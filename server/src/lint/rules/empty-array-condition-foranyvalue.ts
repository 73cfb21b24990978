import { emptyConditionEntries } from '../support/emptyConditionValues';
import type { LintRule } from '../types';

export const emptyArrayConditionForanyvalue: LintRule = {
  code: 'EMPTY_ARRAY_CONDITION_FORANYVALUE',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const e of emptyConditionEntries(model, 'EMPTY_ARRAY_CONDITION_FORANYVALUE')) {
      report(e.valuesRange, `The ForAnyValue prefix with an empty condition key ${e.key.value} never matches the request context and it does not affect the policy. Specify conditions.`);
    }
  },
};

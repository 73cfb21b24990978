import { emptyConditionEntries } from '../support/emptyConditionValues';
import type { LintRule } from '../types';

export const emptyArrayConditionIfexists: LintRule = {
  code: 'EMPTY_ARRAY_CONDITION_IFEXISTS',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const e of emptyConditionEntries(model, 'EMPTY_ARRAY_CONDITION_IFEXISTS')) {
      report(e.valuesRange, `The IfExists suffix with an empty condition key matches only if the key ${e.key.value} is missing from the request context. To determine if the request context is empty, we recommend that you use the Null condition operator with the value of true instead.`);
    }
  },
};

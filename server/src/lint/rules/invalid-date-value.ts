import { isEpochText } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const invalidDateValue: LintRule = {
  code: 'INVALID_DATE_VALUE',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'Date') continue;
        for (const v of entry.values) {
          if (isEpochText(v.text)) report(v.range, `The date ${v.text} might not resolve as expected. We recommend that you use the YYYY-MM-DD format.`);
        }
      }
    }
  },
};

import { isDateText, holdsVariable } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const typeMismatchDate: LintRule = {
  code: 'TYPE_MISMATCH_DATE',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'Date') continue;
        for (const v of entry.values) {
          if (v.jsonType === 'object' || v.jsonType === 'array' || holdsVariable(v.text) || isDateText(v.text)) continue;
          report(v.range, `Specify a valid date (YYYY-MM-DD or another ISO 8601 date/time, or epoch seconds) for the condition operator ${entry.operator.value}: "${v.text}" is not valid.`);
        }
      }
    }
  },
};

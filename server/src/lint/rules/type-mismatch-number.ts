import { isNumberText, holdsVariable } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const typeMismatchNumber: LintRule = {
  code: 'TYPE_MISMATCH_NUMBER',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'Numeric') continue;
        for (const v of entry.values) {
          if (v.jsonType === 'object' || v.jsonType === 'array' || holdsVariable(v.text) || isNumberText(v.text)) continue;
          report(v.range, `Add a valid numeric value for the condition operator ${entry.operator.value}: "${v.text}" is not valid.`);
        }
      }
    }
  },
};

import { isBoolText, holdsVariable } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const typeMismatchBoolean: LintRule = {
  code: 'TYPE_MISMATCH_BOOLEAN',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'Bool') continue;
        for (const v of entry.values) {
          if (v.jsonType === 'object' || v.jsonType === 'array' || holdsVariable(v.text) || isBoolText(v.text)) continue;
          report(v.range, `Add a valid Boolean value (true or false) for the condition operator ${entry.operator.value}: "${v.text}" is not valid.`);
        }
      }
    }
  },
};

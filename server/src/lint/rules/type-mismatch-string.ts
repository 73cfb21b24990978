import { isBase64Text, holdsVariable } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const typeMismatchString: LintRule = {
  code: 'TYPE_MISMATCH_STRING',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'Binary') continue;
        for (const v of entry.values) {
          if (v.jsonType === 'object' || v.jsonType === 'array' || holdsVariable(v.text) || isBase64Text(v.text)) continue;
          report(v.range, `Add a valid base64-encoded string value for the condition operator ${entry.operator.value}: "${v.text}" is not valid.`);
        }
      }
    }
  },
};

import { isMultivaluedType } from '../../iam/condition-operators';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const invalidConditionMultipleBoolean: LintRule = {
  code: 'INVALID_CONDITION_MULTIPLE_BOOLEAN',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'Bool' || entry.values.length < 2) continue;
        const info = data.conditionKey(entry.key.value);
        if (operator.qualifier && info && isMultivaluedType(info.type)) continue;
        report(entry.valuesRange, `The condition key ${entry.key.value} does not support multiple Boolean values. Use a single Boolean value.`);
      }
    }
  },
};

import { conditionUses } from '../support/statements';
import { familyForKeyType, type OperatorFamily } from '../../iam/condition-operators';
import type { LintRule } from '../types';

/**
 * The operator's family must compare the key's type. String and ARN operators are both
 * accepted for string and ARN keys: the reference types several ARN-valued keys as String.
 */
export const typeMismatch: LintRule = {
  code: 'TYPE_MISMATCH',
  type: 'WARNING',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (!operator || operator.family === 'Null') continue;
        const info = data.conditionKey(entry.key.value);
        const keyFamily = info && familyForKeyType(info.type);
        if (!keyFamily || compatible(keyFamily, operator.family)) continue;
        report(
          entry.operator.range,
          `Use a ${keyFamily} operator instead of operator ${entry.operator.value} for the condition key ${entry.key.value} (type ${info!.type}).`,
        );
      }
    }
  },
};

function compatible(keyFamily: OperatorFamily, opFamily: OperatorFamily): boolean {
  if (keyFamily === opFamily) return true;
  const stringish = (f: OperatorFamily) => f === 'String' || f === 'Arn';
  return stringish(keyFamily) && stringish(opFamily);
}

import { parseOperator } from '../../iam/condition-operators';
import type { LintRule } from '../types';

export const nullWithIfExists: LintRule = {
  code: 'NULL_WITH_IF_EXISTS',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.value);
        if (parsed?.family === 'Null' && parsed.ifExists) {
          report(op.range, 'The Null condition operator cannot be used with the IfExists suffix. Update the operator or the suffix.');
        }
      }
    }
  },
};

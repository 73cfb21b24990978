import { parseOperator } from '../../iam/condition-operators';
import type { LintRule } from '../types';

export const invalidConditionOperator: LintRule = {
  code: 'INVALID_CONDITION_OPERATOR',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const op of st.condition?.operators ?? []) {
        if (!parseOperator(op.value)) report(op.range, `The condition operator ${op.value} is not valid. Use a valid condition operator.`);
      }
    }
  },
};

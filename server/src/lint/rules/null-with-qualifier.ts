import { parseOperator } from '../../iam/condition-operators';
import type { LintRule } from '../types';

export const nullWithQualifier: LintRule = {
  code: 'NULL_WITH_QUALIFIER',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.value);
        if (parsed?.family === 'Null' && parsed.qualifier) {
          report(op.range, 'Avoid using the Null condition operator with the ForAllValues or ForAnyValue qualifiers because they always return true or false respectively.');
        }
      }
    }
  },
};

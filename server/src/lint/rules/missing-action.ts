import { statementAnchor } from '../support/ranges';
import type { LintRule } from '../types';

export const missingAction: LintRule = {
  code: 'MISSING_ACTION',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      if (!st.keys.some((k) => k.value === 'Action' || k.value === 'NotAction')) {
        report(statementAnchor(st), 'Add an Action or NotAction element to the policy statement.');
      }
    }
  },
};

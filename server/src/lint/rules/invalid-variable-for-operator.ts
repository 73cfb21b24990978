import { realVariables, variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

export const invalidVariableForOperator: LintRule = {
  code: 'INVALID_VARIABLE_FOR_OPERATOR',
  type: 'ERROR',
  check({ model }, report) {
    for (const site of variableSites(model)) {
      const op = site.operator;
      if (site.element !== 'Condition' || !op || op.family === 'String' || op.family === 'Arn') continue;
      if (realVariables(site).length > 0) report(site.value.range, `Policy variables can only be used with String and ARN operators, not with ${op.base}.`);
    }
  },
};

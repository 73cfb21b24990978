import { realVariables, variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

/** Before the 2012-10-17 language, `${…}` is literal text. */
export const variableUnsupportedInVersion: LintRule = {
  code: 'VARIABLE_UNSUPPORTED_IN_VERSION',
  type: 'ERROR',
  check({ model }, report) {
    if (model.version?.value === '2012-10-17') return;
    for (const site of variableSites(model)) {
      if (realVariables(site).length > 0) {
        report(site.value.range, 'To include variables in your policy, use the policy version 2012-10-17; without it the variable is read as literal text.');
      }
    }
  },
};

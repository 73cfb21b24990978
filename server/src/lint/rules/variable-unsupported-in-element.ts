import { realVariables, variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

// Variables work in Resource and in string and ARN condition values only:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
export const variableUnsupportedInElement: LintRule = {
  code: 'VARIABLE_UNSUPPORTED_IN_ELEMENT',
  type: 'ERROR',
  check({ model }, report) {
    for (const site of variableSites(model)) {
      if (site.element === 'Resource' || site.element === 'NotResource' || site.element === 'Condition') continue;
      if (realVariables(site).length === 0) continue;
      report(site.value.range, `Policy variables are supported in the Resource and Condition elements. Remove the policy variable from this ${site.element} element.`);
    }
  },
};

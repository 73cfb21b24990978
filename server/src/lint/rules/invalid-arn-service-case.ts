import { resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

export const invalidArnServiceCase: LintRule = {
  code: 'INVALID_ARN_SERVICE_CASE',
  type: 'ERROR',
  check({ model }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (arn && arn.service !== arn.service.toLowerCase()) report(value.range, `Update the service name "${arn.service}" in the resource ARN to use all lowercase letters.`);
    }
  },
};

import { hasWildcard } from '../../iam/wildcard';
import { resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

export const wildcardInServiceName: LintRule = {
  code: 'WILDCARD_IN_SERVICE_NAME',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.service === '*' || !hasWildcard(arn.service)) continue;
      report(value.range, `Avoid using wildcards (*, ?) in the service name "${arn.service}" because it might grant unintended access to other AWS services with similar names.`);
    }
  },
};

import { hasWildcard } from '../../iam/wildcard';
import { resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

export const missingArnField: LintRule = {
  code: 'MISSING_ARN_FIELD',
  type: 'ERROR',
  check({ model }, report) {
    for (const { value, arn } of resourceArns(model)) {
      // A trailing wildcard can stand for the missing fields (`arn:aws:s3*`).
      if (arn || hasWildcard(value.text) || value.text.includes('${')) continue;
      report(value.range, 'Resource ARNs must include at least 6 fields in the following structure: arn:partition:service:region:account:resource.');
    }
  },
};

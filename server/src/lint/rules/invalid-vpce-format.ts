import { holdsVariable } from '../support/conditionValues';
import { hasWildcard } from '../../iam/wildcard';
import { conditionsOnKey, stringValues } from '../support/statements';
import type { LintRule } from '../types';
import { isResourceId } from './invalid-vpc-format';

// VPC endpoint IDs are `vpce-` and 8 or 17 alphanumeric characters.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-vpce-format
export const invalidVpceFormat: LintRule = {
  code: 'INVALID_VPCE_FORMAT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionsOnKey(st, 'aws:sourcevpce')) {
        if (!operator || operator.family !== 'String') continue;
        for (const v of stringValues(entry.values)) {
          if (hasWildcard(v.text) || holdsVariable(v.text) || isResourceId(v.text, 'vpce-')) continue;
          report(v.range, "The VPCE identifier in the condition key value is not valid. Use the prefix 'vpce-' followed by 8 or 17 alphanumeric characters.");
        }
      }
    }
  },
};

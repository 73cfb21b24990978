import { holdsVariable } from '../support/conditionValues';
import { hasWildcard } from '../../iam/wildcard';
import { conditionsOnKey, stringValues } from '../support/statements';
import type { LintRule } from '../types';

// VPC IDs are `vpc-` and 8 or 17 alphanumeric characters.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-vpc-format
export function isResourceId(text: string, prefix: string): boolean {
  if (!text.startsWith(prefix)) return false;
  const rest = text.slice(prefix.length);
  return (rest.length === 8 || rest.length === 17) && /^[a-zA-Z0-9]+$/.test(rest);
}

export const invalidVpcFormat: LintRule = {
  code: 'INVALID_VPC_FORMAT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionsOnKey(st, 'aws:sourcevpc')) {
        if (!operator || operator.family !== 'String') continue;
        for (const v of stringValues(entry.values)) {
          if (hasWildcard(v.text) || holdsVariable(v.text) || isResourceId(v.text, 'vpc-')) continue;
          report(v.range, "The VPC identifier in the condition key value is not valid. Use the prefix 'vpc-' followed by 8 or 17 alphanumeric characters.");
        }
      }
    }
  },
};

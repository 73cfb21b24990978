import { isMultivaluedType } from '../../iam/condition-operators';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// A multivalued key compared without ForAllValues/ForAnyValue.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
export const missingQualifier: LintRule = {
  code: 'MISSING_QUALIFIER',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (!operator || operator.qualifier || operator.family === 'Null') continue;
        const info = data.conditionKey(entry.key.value);
        if (!info || !isMultivaluedType(info.type)) continue;
        report(
          entry.operator.range,
          `The request context key ${entry.key.value} has multiple values. Use the ForAllValues or ForAnyValue condition key qualifiers in your policy.`,
        );
      }
    }
  },
};

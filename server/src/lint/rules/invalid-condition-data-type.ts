import type { LintRule } from '../types';

// Values of one key must share a JSON data type: `["a", 1]` is refused by IAM.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-condition-data-type
export const invalidConditionDataType: LintRule = {
  code: 'INVALID_CONDITION_DATA_TYPE',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const entry of st.condition?.entries ?? []) {
        if (!entry.valuesIsArray) continue;
        const scalarTypes = new Set(entry.values.map((v) => v.jsonType).filter((t) => t === 'string' || t === 'number' || t === 'boolean'));
        if (scalarTypes.size > 1) {
          report(entry.valuesRange, `The condition value data types do not match. Use condition values of the same JSON data type (${entry.key.value} mixes ${[...scalarTypes].join(' and ')}).`);
        }
      }
    }
  },
};

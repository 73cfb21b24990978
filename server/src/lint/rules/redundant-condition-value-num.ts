import { holdsVariable, isNumberText } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// Values of one key are ORed: under a less-than operator the greatest value alone decides,
// under a greater-than operator the least.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-redundant-condition-value-num
const DIRECTION: Readonly<Record<string, 'greatest' | 'least'>> = {
  NumericLessThan: 'greatest',
  NumericLessThanEquals: 'greatest',
  NumericGreaterThan: 'least',
  NumericGreaterThanEquals: 'least',
};

export const redundantConditionValueNum: LintRule = {
  code: 'REDUNDANT_CONDITION_VALUE_NUM',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        const direction = operator && !operator.qualifier ? DIRECTION[operator.base] : undefined;
        if (!direction || entry.values.length < 2) continue;
        const numbers = entry.values.filter((v) => (v.jsonType === 'string' || v.jsonType === 'number') && !holdsVariable(v.text) && isNumberText(v.text)).map((v) => Number(v.text));
        if (numbers.length < 2) continue;
        const best = direction === 'greatest' ? Math.max(...numbers) : Math.min(...numbers);
        report(
          entry.valuesRange,
          `Multiple values in ${entry.operator.value} are redundant. Replace with the ${direction} single value for ${entry.key.value}: ${best}.`,
        );
      }
    }
  },
};

// Bool: `true` or `false`, compared without regard to case.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
import { defineOperator, type ConditionOperator } from './operator';

export const boolOperators: readonly ConditionOperator[] = [
  defineOperator<string>('Bool', {
    prepare: (v) => {
      const t = v.text.trim().toLowerCase();
      return t === 'true' || t === 'false' ? t : undefined;
    },
    test: (rv, pv) => rv.trim().toLowerCase() === pv,
  }),
];

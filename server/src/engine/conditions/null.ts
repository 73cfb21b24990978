// Null: `true` means the key is absent from the request, `false` that it is present.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
import { defineOperator, type ConditionOperator } from './operator';

export const nullOperators: readonly ConditionOperator[] = [
  defineOperator<boolean>('Null', {
    prepare: (v) => {
      const t = v.text.trim().toLowerCase();
      return t === 'true' ? true : t === 'false' ? false : undefined;
    },
    // `requestValue` is 'absent' or 'present'; the evaluator passes presence, not values.
    test: (presence, wantsAbsent) => (presence === 'absent') === wantsAbsent,
  }),
];

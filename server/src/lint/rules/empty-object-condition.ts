// Access Analyzer has one code for an empty object in the Condition element, whether the block
// itself or an operator's keys are empty, and one message for both ("This condition block is
// empty …"): https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-empty-object-condition
import type { LintRule } from '../types';

export const emptyObjectCondition: LintRule = {
  code: 'EMPTY_OBJECT_CONDITION',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      const c = st.condition;
      if (!c || c.node.type !== 'object') continue;
      if ((c.node.children ?? []).length === 0) {
        report(c.range, 'This condition block is empty and it does not affect the policy. Specify conditions.');
        continue;
      }
      for (const opProp of c.node.children ?? []) {
        const v = opProp.children?.[1];
        if (v?.type === 'object' && (v.children ?? []).length === 0) {
          report({ start: v.offset, end: v.offset + v.length }, 'This condition block is empty and it does not affect the policy. Specify conditions.');
        }
      }
    }
  },
};

import { policyAnchor } from '../support/ranges';
import type { LintRule } from '../types';

export const missingStatement: LintRule = {
  code: 'MISSING_STATEMENT',
  type: 'ERROR',
  check({ model }, report) {
    const prop = model.node.children?.find((p) => p.children?.[0]?.value === 'Statement');
    const value = prop?.children?.[1];
    if (!value) return report(policyAnchor(model), 'Add a statement to the policy.');
    if (value.type === 'array' && (value.children ?? []).length === 0) report(policyAnchor(model), 'Add a statement to the policy.');
  },
};

import { policyAnchor } from '../support/ranges';
import type { LintRule } from '../types';

export const missingVersion: LintRule = {
  code: 'MISSING_VERSION',
  type: 'WARNING',
  check({ model }, report) {
    if (model.version) return;
    report(
      policyAnchor(model),
      'Add "Version": "2012-10-17". Without it the policy uses the 2008 language: policy variables such as ${aws:username} are read as literal text.',
      { fix: 'addVersion' },
    );
  },
};

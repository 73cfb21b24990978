import { statementAnchor } from '../support/ranges';
import type { LintRule } from '../types';

/** Every kind but role trust policies, whose resource is the role itself. */
export const missingResource: LintRule = {
  code: 'MISSING_RESOURCE',
  type: 'ERROR',
  kinds: ['identity', 'session', 'boundary', 'resource', 'scp', 'rcp'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (!st.keys.some((k) => k.value === 'Resource' || k.value === 'NotResource')) {
        report(statementAnchor(st), 'Add a Resource or NotResource element to the policy statement.');
      }
    }
  },
};

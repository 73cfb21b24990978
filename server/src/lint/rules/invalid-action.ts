import { referenceGaps } from '../support/referenceGaps';
import type { LintRule } from '../types';

// Which unlisted names are errors and which are only unknown to our data: support/referenceGaps.ts.
export const invalidAction: LintRule = {
  code: 'INVALID_ACTION',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const gap of referenceGaps(model, data)) if (gap.code === 'INVALID_ACTION') report(gap.range, gap.message, gap.data);
  },
};

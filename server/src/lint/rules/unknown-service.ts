import { referenceGaps } from '../support/referenceGaps';
import type { LintRule } from '../types';

// Which unlisted names are errors and which are only unknown to our data: support/referenceGaps.ts.
export const unknownService: LintRule = {
  code: 'UNKNOWN_SERVICE',
  type: 'WARNING',
  check({ model, data }, report) {
    for (const gap of referenceGaps(model, data)) if (gap.code === 'UNKNOWN_SERVICE') report(gap.range, gap.message, gap.data);
  },
};

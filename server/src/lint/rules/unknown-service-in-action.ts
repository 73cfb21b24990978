import { referenceGaps } from '../support/referenceGaps';
import type { LintRule } from '../types';

// Which unlisted names are errors and which are only unknown to our data: support/referenceGaps.ts.
export const unknownServiceInAction: LintRule = {
  code: 'UNKNOWN_SERVICE_IN_ACTION',
  type: 'WARNING',
  check({ model, data }, report) {
    for (const gap of referenceGaps(model, data)) if (gap.code === 'UNKNOWN_SERVICE_IN_ACTION') report(gap.range, gap.message, gap.data);
  },
};

import { subRange } from '../support/ranges';
import { variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

export const missingQuoteInVariable: LintRule = {
  code: 'MISSING_QUOTE_IN_VARIABLE',
  type: 'ERROR',
  check({ model }, report) {
    for (const site of variableSites(model)) {
      for (const v of site.variables) {
        const comma = v.inner.indexOf(',');
        if (!v.closed || comma < 0) continue;
        const fallback = v.inner.slice(comma + 1).trim();
        if (fallback.length < 2 || !fallback.startsWith("'") || !fallback.endsWith("'")) {
          report(subRange(site.value.range, site.value.text, v.start, v.end), 'The policy variable default value must begin and end with a single quote. Add the missing quote.');
        }
      }
    }
  },
};

import { subRange } from '../support/ranges';
import { variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

export const emptyVariable: LintRule = {
  code: 'EMPTY_VARIABLE',
  type: 'ERROR',
  check({ model }, report) {
    for (const site of variableSites(model)) {
      for (const v of site.variables) {
        if (v.closed && v.inner.trim() === '') {
          report(subRange(site.value.range, site.value.text, v.start, v.end), 'Empty policy variable. Remove the ${} structure or provide a variable within it.');
        }
      }
    }
  },
};

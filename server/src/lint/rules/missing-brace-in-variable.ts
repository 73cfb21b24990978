import { subRange } from '../support/ranges';
import { variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

export const missingBraceInVariable: LintRule = {
  code: 'MISSING_BRACE_IN_VARIABLE',
  type: 'ERROR',
  check({ model }, report) {
    for (const site of variableSites(model)) {
      for (const v of site.variables) {
        if (!v.closed) report(subRange(site.value.range, site.value.text, v.start, v.end), 'The policy variable is missing a closing curly brace. Add } after the variable text.');
      }
    }
  },
};

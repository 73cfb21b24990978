import { subRange } from '../support/ranges';
import { variableSites } from '../support/variableSites';
import type { LintRule } from '../types';

/** A space is allowed before a default value (`${aws:username, 'x'}`), never in the key name. */
export const unsupportedSpaceInVariable: LintRule = {
  code: 'UNSUPPORTED_SPACE_IN_VARIABLE',
  type: 'ERROR',
  check({ model }, report) {
    for (const site of variableSites(model)) {
      for (const v of site.variables) {
        if (!v.closed || v.inner.trim() === '') continue;
        const name = v.inner.split(',')[0];
        if (name.includes(' ')) report(subRange(site.value.range, site.value.text, v.start, v.end), 'A space is not supported within the policy variable text. Remove the space.');
      }
    }
  },
};

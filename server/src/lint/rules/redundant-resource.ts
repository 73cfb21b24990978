import { hasWildcard, wildcardMatch } from '../../iam/wildcard';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

/**
 * A resource that another entry of the same list already covers (ARN matching is
 * case-sensitive). A pattern covers another pattern when it matches the other's text with the
 * other's `*` taken literally, which is sound as long as the covering pattern has no `?`.
 */
export const redundantResource: LintRule = {
  code: 'REDUNDANT_RESOURCE',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      const values = stringValues(st.resource?.values);
      const wildcards = values.filter((v) => hasWildcard(v.text) && !v.text.includes('?'));
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v.text)) {
          report(v.range, `The resource ${v.text} is listed more than once. Remove the duplicate.`, { fix: 'removeElement' });
          continue;
        }
        seen.add(v.text);
        const by = wildcards.find((w) => {
          if (w.text === v.text || !wildcardMatch(w.text, v.text)) return false;
          // Equivalent patterns cover each other: report only the later one.
          return !(hasWildcard(v.text) && wildcardMatch(v.text, w.text)) || w.range.start < v.range.start;
        });
        if (by) report(v.range, `The resource ${v.text} is redundant because ${by.text} already covers it. Review the use of wildcards (*).`, { fix: 'removeElement' });
      }
    }
  },
};

import type { LintRule } from '../types';

const PAIRS: Array<[string, string]> = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
];

export const unsupportedElementCombination: LintRule = {
  code: 'UNSUPPORTED_ELEMENT_COMBINATION',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const [a, b] of PAIRS) {
        const second = st.keys.find((k) => k.value === b);
        if (second && st.keys.some((k) => k.value === a)) {
          report(second.range, `The policy elements ${a} and ${b} can not be used in the same statement. Remove one of these elements.`);
        }
      }
    }
  },
};

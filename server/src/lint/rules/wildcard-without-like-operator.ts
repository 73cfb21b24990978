import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

/** `*` and `?` are literal characters to StringEquals; only the Like operators read them as wildcards. */
export const wildcardWithoutLikeOperator: LintRule = {
  code: 'WILDCARD_WITHOUT_LIKE_OPERATOR',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'String' || operator.like) continue;
        for (const v of entry.values) {
          const text = withoutVariables(v.text);
          if (text.includes('*') || text.includes('?')) {
            report(v.range, `Your condition value "${v.text}" includes a * or ? character. If you meant to use a wildcard (*, ?), update the condition operator to include Like.`);
          }
        }
      }
    }
  },
};

function withoutVariables(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    out += text[i++];
  }
  return out;
}

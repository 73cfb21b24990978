import type { LintRule } from '../types';

/** Key names are case-insensitive, so `aws:SourceIp` and `aws:sourceip` under one operator collide. */
export const duplicateKeysWithDifferentCase: LintRule = {
  code: 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      const seen = new Map<string, string>();
      for (const e of st.condition?.entries ?? []) {
        const id = `${e.operator.range.start}\u0000${e.key.value.toLowerCase()}`;
        const first = seen.get(id);
        if (first !== undefined && first !== e.key.value) {
          report(e.key.range, `The condition key ${e.key.value} appears more than once with different capitalization (${first}) in the same condition block. Remove the duplicate condition keys.`);
        } else if (first === undefined) seen.set(id, e.key.value);
      }
    }
  },
};

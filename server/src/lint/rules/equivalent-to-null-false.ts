import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

/** `StringLike key "*"` matches every value the key can have, so it only asks that the key be present. */
export const equivalentToNullFalse: LintRule = {
  code: 'EQUIVALENT_TO_NULL_FALSE',
  type: 'SUGGESTION',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (!operator?.like || operator.negated || operator.ifExists || operator.qualifier === 'ForAllValues') continue;
        const star = entry.values.find((v) => v.text === '*');
        if (!star) continue;
        report(
          star.range,
          `${entry.operator.value} with "*" only checks that ${entry.key.value} is present. Write "Null": {"${entry.key.value}": "false"} to say so.`,
          { fix: 'replaceWithNullFalse', key: entry.key.value },
        );
      }
    }
  },
};

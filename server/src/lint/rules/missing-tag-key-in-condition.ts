import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// Tag condition keys name the tag after a slash (`aws:ResourceTag/owner`); without it the key
// matches no tag. https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-missing-tag-key-in-condition
const TAG_KEY_NAMES: ReadonlySet<string> = new Set(['requesttag', 'resourcetag', 'principaltag']);

export const missingTagKeyInCondition: LintRule = {
  code: 'MISSING_TAG_KEY_IN_CONDITION',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry } of conditionUses(st)) {
        const key = entry.key.value;
        const colon = key.indexOf(':');
        if (colon <= 0) continue;
        const name = key.slice(colon + 1);
        const bare = name.endsWith('/') ? name.slice(0, -1) : name;
        if (!TAG_KEY_NAMES.has(bare.toLowerCase())) continue;
        const stem = `${key.slice(0, colon + 1)}${bare}/`;
        report(
          entry.key.range,
          `The condition key ${stem} must include a tag key to control access based on tags. Use the format ${stem}tag-key and specify a key name for tag-key.`,
        );
      }
    }
  },
};

import type { LintRule } from '../types';

// IAM turns a role ARN into its unique ID on save; writing the ID breaks when the role is recreated.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
export const invalidRoleReference: LintRule = {
  code: 'INVALID_ROLE_REFERENCE',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const e of st.principal?.entries ?? []) {
        if (e.kind === 'AWS' && e.value.text.startsWith('AROA')) {
          report(e.value.range, `The Principal element includes the IAM role ID ${e.value.text}. We recommend that you use a role ARN instead.`);
        }
      }
    }
  },
};

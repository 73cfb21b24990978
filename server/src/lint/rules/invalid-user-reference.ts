import type { LintRule } from '../types';

export const invalidUserReference: LintRule = {
  code: 'INVALID_USER_REFERENCE',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const e of st.principal?.entries ?? []) {
        if (e.kind === 'AWS' && e.value.text.startsWith('AIDA')) {
          report(e.value.range, `The Principal element includes the IAM user ID ${e.value.text}. We recommend that you use a user ARN instead.`);
        }
      }
    }
  },
};

import { STRICT_SID_KINDS } from '../support/kinds';
import type { LintRule } from '../types';

// IAM accepts only ASCII letters and digits in a Sid:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
export const unsupportedSid: LintRule = {
  code: 'UNSUPPORTED_SID',
  type: 'ERROR',
  kinds: STRICT_SID_KINDS,
  check({ model }, report) {
    for (const st of model.statements) {
      const sid = st.sid;
      if (!sid || sid.node.type !== 'string') continue;
      if (![...sid.value].every((c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        report(sid.range, 'Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9].');
      }
    }
  },
};

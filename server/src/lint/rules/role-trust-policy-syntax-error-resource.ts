import type { LintRule } from '../types';

/** A trust policy is the role's resource policy: the role is the resource, so none may be named. */
export const roleTrustPolicySyntaxErrorResource: LintRule = {
  code: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      for (const k of st.keys) {
        if (k.value === 'Resource' || k.value === 'NotResource') {
          report(k.range, `Role trust policies do not support ${k.value}: the role itself is the resource. Remove the ${k.value} element.`);
        }
      }
    }
  },
};

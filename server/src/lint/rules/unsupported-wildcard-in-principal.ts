import { hasWildcard } from '../../iam/wildcard';
import type { LintRule } from '../types';

// Only a whole "*" may stand for principals; a wildcard cannot match part of a name or ARN.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
export const unsupportedWildcardInPrincipal: LintRule = {
  code: 'UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        for (const e of block?.entries ?? []) {
          if (e.kind === '*' || e.value.jsonType !== 'string' || !hasWildcard(e.value.text)) continue;
          if (e.kind === 'AWS' && e.value.text === '*') continue;
          report(e.value.range, `Wildcards (*, ?) are not supported with the principal key ${e.kind}. Replace the wildcard with a valid principal value, or use a condition such as aws:PrincipalArn with ArnLike.`);
        }
      }
    }
  },
};

import { principalProblems } from '../support/principalShapes';
import type { LintRule } from '../types';

/**
 * A principal is `"*"` or an object of principal keys; any other string is neither. Each value
 * must have its key's shape (support/principalShapes.ts), or IAM refuses the policy with
 * "Invalid principal in policy".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export const invalidPrincipalFormat: LintRule = {
  code: 'INVALID_PRINCIPAL_FORMAT',
  type: 'ERROR',
  check({ model, kind }, report) {
    for (const st of model.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        if (block?.node.type === 'string' && !block.wildcard) {
          report(block.range, 'The Principal element contents are not valid. Specify a key-value pair, e.g. "Principal": {"AWS": "123456789012"}.');
        }
      }
    }
    for (const p of principalProblems(model, kind)) {
      if (p.code === 'INVALID_PRINCIPAL_FORMAT') report(p.value.range, p.message, p.suggestion ? { fix: 'replaceAction', suggestion: p.suggestion } : undefined);
    }
  },
};

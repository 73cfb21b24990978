import { isAllow, statementCoversAction } from '../support/statements';
import type { LintRule } from '../types';

// IAM Roles Anywhere assumes a role with sts:AssumeRole and also sets the source identity and
// session tags from the certificate, so the trust policy must grant all three.
// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html#role-trusts
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-missing-action-for-roles-anywhere-trust-policy
const REQUIRED = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];
const PRINCIPAL = 'rolesanywhere.amazonaws.com';

export const missingActionForRolesAnywhereTrustPolicy: LintRule = {
  code: 'MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    const grants = model.statements.flatMap((st) =>
      isAllow(st) ? (st.principal?.entries ?? []).filter((e) => e.kind === 'Service' && e.value.text.toLowerCase() === PRINCIPAL).map((entry) => ({ st, entry })) : [],
    );
    if (grants.length === 0) return;
    // The permissions may be granted in separate statements that all name the principal.
    const missing = REQUIRED.filter((a) => !grants.some(({ st }) => statementCoversAction(st, a)));
    if (missing.length === 0) return;
    for (const { entry } of grants) {
      report(
        entry.value.range,
        `The ${PRINCIPAL} service principal requires the sts:AssumeRole, sts:SetSourceIdentity, and sts:TagSession permissions to assume a role. Add the missing permissions to the policy (missing: ${missing.join(', ')}).`,
      );
    }
  },
};

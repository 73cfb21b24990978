import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const passRoleWithNotResource: LintRule = {
  code: 'PASS_ROLE_WITH_NOT_RESOURCE',
  type: 'SECURITY_WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:PassRole', 'iam:PassedToService', 'role')) {
      if (g.shape === 'literal+notResource') report(g.range, 'Using the iam:PassRole action with NotResource can be overly permissive because it can allow iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs instead.');
    }
  },
};

import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const passRoleWithStarInActionAndNotResource: LintRule = {
  code: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
  type: 'SECURITY_WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:PassRole', 'iam:PassedToService', 'role')) {
      if (g.shape === 'wildcard+notResource') report(g.range, 'Using an action with a wildcard (*) and NotResource can be overly permissive because it can allow iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs instead.');
    }
  },
};

import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const passRoleWithStarInResource: LintRule = {
  code: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  type: 'SECURITY_WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:PassRole', 'iam:PassedToService', 'role')) {
      if (g.shape === 'literal+starResource') report(g.range, 'Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.');
    }
  },
};

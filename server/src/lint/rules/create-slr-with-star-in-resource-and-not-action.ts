import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const createSlrWithStarInResourceAndNotAction: LintRule = {
  code: 'CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
  type: 'WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:CreateServiceLinkedRole', 'iam:AWSServiceName', 'role')) {
      if (g.shape === 'notAction+starResource') report(g.range, 'Using a resource with wildcards (*) and NotAction can allow creation of unintended service-linked roles because it allows iam:CreateServiceLinkedRole permissions on all resources. We recommend that you specify resource ARNs instead.');
    }
  },
};

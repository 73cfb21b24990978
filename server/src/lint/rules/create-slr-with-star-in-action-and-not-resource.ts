import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const createSlrWithStarInActionAndNotResource: LintRule = {
  code: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
  type: 'WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:CreateServiceLinkedRole', 'iam:AWSServiceName', 'role')) {
      if (g.shape === 'wildcard+notResource') report(g.range, 'Using an action with a wildcard (*) and NotResource can allow creation of unintended service-linked roles because it can allow iam:CreateServiceLinkedRole permissions on multiple resources. We recommend that you specify resource ARNs instead.');
    }
  },
};

import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const createSlrWithStarInActionAndResource: LintRule = {
  code: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE',
  type: 'WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:CreateServiceLinkedRole', 'iam:AWSServiceName', 'role')) {
      if (g.shape === 'wildcard+starResource') report(g.range, 'Using wildcards (*) in the action and the resource can allow creation of unintended service-linked roles because it allows iam:CreateServiceLinkedRole permissions on all resources. We recommend that you specify resource ARNs instead.');
    }
  },
};

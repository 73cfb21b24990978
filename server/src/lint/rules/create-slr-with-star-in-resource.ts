import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const createSlrWithStarInResource: LintRule = {
  code: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  type: 'WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:CreateServiceLinkedRole', 'iam:AWSServiceName', 'role')) {
      if (g.shape === 'literal+starResource') report(g.range, 'Using the iam:CreateServiceLinkedRole action with wildcards (*) in the resource can allow creation of unintended service-linked roles. We recommend that you specify resource ARNs or the iam:AWSServiceName condition key instead.');
    }
  },
};

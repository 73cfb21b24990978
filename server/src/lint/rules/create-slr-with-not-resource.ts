import { GRANTING_IDENTITY_KINDS } from '../support/kinds';
import { sensitiveGrants } from '../support/sensitiveActionGrants';
import type { LintRule } from '../types';

export const createSlrWithNotResource: LintRule = {
  code: 'CREATE_SLR_WITH_NOT_RESOURCE',
  type: 'WARNING',
  kinds: GRANTING_IDENTITY_KINDS,
  check({ model }, report) {
    for (const g of sensitiveGrants(model, 'iam:CreateServiceLinkedRole', 'iam:AWSServiceName', 'role')) {
      if (g.shape === 'literal+notResource') report(g.range, 'Using the iam:CreateServiceLinkedRole action with NotResource can allow creation of unintended service-linked roles for multiple resources. We recommend that you specify resource ARNs instead.');
    }
  },
};

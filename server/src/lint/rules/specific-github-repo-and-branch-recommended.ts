import { hasWildcard } from '../../iam/wildcard';
import { federatedGrants, limitsClaim, providerConditions } from '../support/federation';
import { isGithubActionsHost } from '../../iam/principals';
import type { LintRule } from '../types';
import { namesAnOwner } from './missing-github-repo-condition-key';

/** A subject pinned to an owner but with wildcards in the repository or branch. */
export const specificGithubRepoAndBranchRecommended: LintRule = {
  code: 'SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED',
  type: 'WARNING',
  kinds: ['trust'],
  check({ model }, report) {
    for (const g of federatedGrants(model)) {
      if (!isGithubActionsHost(g.provider.host)) continue;
      for (const u of providerConditions(g.statement, g.provider.host, 'sub').filter(limitsClaim)) {
        for (const v of u.entry.values) {
          if (!namesAnOwner(v) || !hasWildcard(v.text)) continue;
          report(v.range, `"${v.text}" lets more than one repository or branch assume the role. We recommend naming one repository and branch (or environment), e.g. "repo:OWNER/REPO:ref:refs/heads/main".`);
        }
      }
    }
  },
};

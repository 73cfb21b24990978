import { federatedGrants, limitsClaim, providerConditions } from '../support/federation';
import { isGithubActionsHost } from '../../iam/principals';
import type { LintRule } from '../types';

// Without a `sub` condition any workflow in any GitHub repository can assume the role.
// https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
export const missingGithubRepoConditionKey: LintRule = {
  code: 'MISSING_GITHUB_REPO_CONDITION_KEY',
  type: 'SECURITY_WARNING',
  kinds: ['trust'],
  check({ model }, report) {
    for (const g of federatedGrants(model)) {
      if (!isGithubActionsHost(g.provider.host)) continue;
      const subs = providerConditions(g.statement, g.provider.host, 'sub').filter(limitsClaim);
      const values = subs.flatMap((u) => u.entry.values);
      if (values.length > 0 && values.every(namesAnOwner)) continue;
      const unpinned = values.find((v) => !namesAnOwner(v.text));
      report(
        unpinned?.range ?? g.entry.value.range,
        unpinned
          ? `The condition value "${unpinned.text}" lets workflows of any GitHub repository assume the role. Name the owner and repository: "repo:OWNER/REPO:ref:refs/heads/BRANCH".`
          : `Any GitHub repository's workflows can assume this role: add a condition on ${g.provider.host}:sub naming your repository, e.g. StringEquals "repo:OWNER/REPO:ref:refs/heads/main".`,
        { fix: 'addGithubSub', statementIndex: g.statement.index, providerHost: g.provider.host },
      );
    }
  },
};

/** `repo:OWNER/…` with a literal owner (GitHub's default subject format). */
export function namesAnOwner(value: { text: string } | string): boolean {
  const text = typeof value === 'string' ? value : value.text;
  if (text === '' || text.startsWith('*') || text.startsWith('?')) return false;
  if (!text.startsWith('repo:')) return true;
  const owner = text.slice('repo:'.length).split('/')[0];
  return owner.length > 0 && !owner.includes('*') && !owner.includes('?');
}

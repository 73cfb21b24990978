// Hover text for a principal value: what an account, a role, a service or an identity provider
// named in `Principal` lets in.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import type { IamData } from '../data/iamData';
import { isAccountId, parseArn } from '../iam/arn';
import { classifyAwsPrincipal, classifyFederated, isGithubActionsHost } from '../iam/principals';
import { arnHover } from './arnHover';

const PRINCIPAL_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html';

export function principalHover(principalType: string, value: string, data: IamData, negated = false): string {
  const body = principalText(principalType, value, data);
  const notice = negated ? '_NotPrincipal: the statement applies to everyone **except** this principal._\n\n' : '';
  const arn = value.startsWith('arn:') ? arnHover(value, data) : undefined;
  return `${notice}${body}${arn ? `\n\n---\n\n${arn}` : ''}\n\n[Principal element](${PRINCIPAL_URL})`;
}

function principalText(principalType: string, value: string, data: IamData): string {
  if (value === '*') {
    return principalType === 'AWS' || principalType === '*'
      ? '**Everyone** — every AWS account and every anonymous caller. Only a `Condition` (such as `aws:PrincipalOrgID` or `aws:SourceAccount`) narrows it.'
      : `**${principalType}: \`*\`** — any principal of this type.`;
  }
  switch (principalType) {
    case 'AWS':
      return awsPrincipalText(value);
    case 'Service':
      return servicePrincipalText(value, data);
    case 'Federated':
      return federatedPrincipalText(value);
    case 'CanonicalUser':
      return '**Amazon S3 canonical user ID** — an AWS account (or a CloudFront origin access identity) as S3 ACLs name it.';
    default:
      return `**${principalType}** is not a principal type: use \`AWS\`, \`Service\`, \`Federated\` or \`CanonicalUser\`.`;
  }
}

function awsPrincipalText(value: string): string {
  const p = classifyAwsPrincipal(value);
  const account = p.account ? ` \`${p.account}\`` : '';
  switch (p.type) {
    case 'account':
    case 'root':
      return `**AWS account${account}** — ${p.type === 'account' ? 'a bare account ID means the same as its `:root` ARN: ' : ''}the account as a whole, not only its root user. The account's administrators decide which of its IAM users and roles may use this grant (through their own identity policies). In a trust policy this lets any of them assume the role if their own policies allow \`sts:AssumeRole\`.`;
    case 'user':
      return `**IAM user** \`${arnResource(value)}\` in account${account} — a long-term identity, often a person. Require MFA for people.`;
    case 'role':
      return `**IAM role** \`${arnResource(value)}\` in account${account} — every session of the role (anyone who assumed it). If the role is deleted and re-created, the grant does not carry over: AWS stores the role's unique ID.`;
    case 'assumed-role': {
      const parts = arnResource(value).split('/');
      return `**Role session** — the session \`${parts.slice(2).join('/') || '?'}\` of role \`${parts[1] ?? '?'}\` in account${account}: only requests made with that session's credentials.`;
    }
    case 'federated-user':
      return `**Federated user session** (from \`sts:GetFederationToken\`) in account${account}.`;
    case 'unique-id':
      return `**IAM unique ID** \`${value}\` (${value.startsWith('AROA') ? 'a role' : 'a user'}). AWS shows an ID here when the role or user a policy named was deleted: the grant no longer applies to anyone — re-create it with the ARN.`;
    case 'wildcard':
      return '**Everyone**';
    default:
      return isAccountId(value) ? `**AWS account** \`${value}\`` : `**${value}** is not an account ID or an IAM principal ARN.`;
  }
}

function arnResource(value: string): string {
  return parseArn(value)?.resource ?? value;
}

function servicePrincipalText(value: string, data: IamData): string {
  const lower = value.toLowerCase();
  const match = /^([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.amazonaws\.com(\.cn)?$/.exec(lower);
  if (!match) return `**Service principal** \`${value}\` — AWS service principals look like \`SERVICE.amazonaws.com\`.`;
  const name = data.serviceName(match[1].split('.')[0]);
  return `**Service principal** \`${value}\`${name ? ` — ${name}` : ''}: the AWS service itself may act here (for a trust policy: assume the role to act on your behalf). In resource policies, add \`aws:SourceAccount\` / \`aws:SourceArn\` conditions so the service acts only for your resources (confused deputy).`;
}

const WELL_KNOWN_OIDC: ReadonlyArray<[(host: string) => boolean, string]> = [
  [isGithubActionsHost, 'GitHub Actions — workflows of GitHub repositories. Require a `token.actions.githubusercontent.com:sub` condition naming your repository, and `:aud` = `sts.amazonaws.com`.'],
  [(h) => /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\//.test(h), 'an Amazon EKS cluster — Kubernetes service accounts (IRSA). Require `:sub` = `system:serviceaccount:NAMESPACE:NAME` and `:aud` = `sts.amazonaws.com`.'],
  [(h) => h === 'gitlab.com' || h.startsWith('gitlab.'), 'GitLab CI/CD — pipelines of GitLab projects. Require a `:sub` condition naming your project and branch.'],
  [(h) => h === 'app.terraform.io', 'HCP Terraform — runs of Terraform workspaces. Require a `app.terraform.io:sub` condition naming your organization and workspace.'],
  [(h) => h.startsWith('api.bitbucket.org/'), 'Bitbucket Pipelines. Require `:sub` / `:aud` conditions for your workspace and repository.'],
  [(h) => h === 'accounts.google.com', 'Google — any Google account signing in through your app. Require `accounts.google.com:aud` (your app\'s client ID).'],
  [(h) => h === 'graph.facebook.com', 'Facebook Login. Require `graph.facebook.com:app_id`.'],
  [(h) => h === 'www.amazon.com', 'Login with Amazon. Require `www.amazon.com:app_id`.'],
  [(h) => h === 'cognito-identity.amazonaws.com', 'Amazon Cognito identity pools. Require `cognito-identity.amazonaws.com:aud` (your identity pool ID) and an `:amr` condition.'],
];

function federatedPrincipalText(value: string): string {
  const provider = classifyFederated(value);
  if (provider.type === 'saml') {
    return `**SAML identity provider** \`${arnResource(value).slice('saml-provider/'.length)}\` — users signed in through this IdP (\`sts:AssumeRoleWithSAML\`). Require \`SAML:aud\` (usually \`https://signin.aws.amazon.com/saml\`).`;
  }
  const known = WELL_KNOWN_OIDC.find(([test]) => test(provider.host));
  if (provider.type === 'oidc' || provider.type === 'cognito') {
    const what = known ? known[1] : 'users of this OpenID Connect provider. Require its `:aud` and `:sub` claims in a condition.';
    return `**OIDC identity provider** \`${provider.host}\` (\`sts:AssumeRoleWithWebIdentity\`) — ${what}`;
  }
  return `**Federated principal** \`${value}\` — expected a SAML or OIDC provider ARN (\`arn:aws:iam::ACCOUNT:saml-provider/NAME\`, \`arn:aws:iam::ACCOUNT:oidc-provider/HOST\`) or a built-in web identity provider.`;
}

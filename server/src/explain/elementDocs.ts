// What each policy element means, in one paragraph, with the AWS page that defines it.
// Written for this project from the IAM JSON policy element reference:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import type { DocumentKind } from '../policy/model';

const ELEMENT_BASE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_';

export interface ElementDoc {
  summary: string;
  url: string;
  /** Where the element sits: at the policy's top level or in a statement. */
  level: 'policy' | 'statement';
}

export const ELEMENT_DOCS: Readonly<Record<string, ElementDoc>> = {
  Version: {
    summary: 'The policy language version. Always write `"2012-10-17"`: without it (or with `"2008-10-17"`) policy variables such as `${aws:username}` are read as literal text.',
    url: `${ELEMENT_BASE}version.html`,
    level: 'policy',
  },
  Id: {
    summary: 'An optional identifier for the policy. Some services (such as SQS and SNS) expect it; IAM ignores it.',
    url: `${ELEMENT_BASE}id.html`,
    level: 'policy',
  },
  Statement: {
    summary: 'The policy\'s rules: one statement object or an array of them. Each statement allows or denies actions on resources, optionally for principals and under conditions.',
    url: `${ELEMENT_BASE}statement.html`,
    level: 'policy',
  },
  Sid: {
    summary: 'An optional statement ID, to tell statements apart. Letters and digits only in IAM policies; unique within the policy.',
    url: `${ELEMENT_BASE}sid.html`,
    level: 'statement',
  },
  Effect: {
    summary: '`Allow` or `Deny` (case-sensitive). Everything is denied by default; an `Allow` grants, and an explicit `Deny` in any applicable policy overrides every `Allow`.',
    url: `${ELEMENT_BASE}effect.html`,
    level: 'statement',
  },
  Action: {
    summary: 'The actions the statement covers, as `service:ActionName` (case-insensitive). `*` and `?` wildcards match any run / one character.',
    url: `${ELEMENT_BASE}action.html`,
    level: 'statement',
  },
  NotAction: {
    summary: 'Every action **except** the ones listed. With `Allow` it grants far more than it seems — including actions of services added later; pair it with a narrow `Resource` or use `Deny`.',
    url: `${ELEMENT_BASE}notaction.html`,
    level: 'statement',
  },
  Resource: {
    summary: 'The resources the statement covers, as ARNs (wildcards allowed) or `*`. Not allowed in role trust policies: the role itself is the resource.',
    url: `${ELEMENT_BASE}resource.html`,
    level: 'statement',
  },
  NotResource: {
    summary: 'Every resource **except** the ones listed. With `Allow` it grants access to everything else, including resources created later.',
    url: `${ELEMENT_BASE}notresource.html`,
    level: 'statement',
  },
  Principal: {
    summary: 'Who the statement applies to — only in resource-based policies and role trust policies (identity policies apply to whoever they are attached to). Keys: `AWS`, `Service`, `Federated`, `CanonicalUser`, or `"*"` for everyone.',
    url: `${ELEMENT_BASE}principal.html`,
    level: 'statement',
  },
  NotPrincipal: {
    summary: 'Everyone **except** the principals listed. AWS advises against it: with `Allow` it is rejected in most places, and with `Deny` it must also list the account and the session ARNs. Prefer a `Condition` on `aws:PrincipalArn`.',
    url: `${ELEMENT_BASE}notprincipal.html`,
    level: 'statement',
  },
  Condition: {
    summary: 'When the statement applies: `{ "Operator": { "key": value(s) } }`. All operators and keys must match (AND); several values for one key match if any does (OR), except with negated operators.',
    url: `${ELEMENT_BASE}condition.html`,
    level: 'statement',
  },
};

/** Statement elements each document kind accepts, in the order completion offers them. */
export function statementElementsFor(kind: DocumentKind | undefined): string[] {
  const all = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
  switch (kind) {
    case 'trust':
      // The role is the resource of a trust policy; NotPrincipal is refused there.
      return all.filter((e) => e !== 'Resource' && e !== 'NotResource' && e !== 'NotPrincipal');
    case 'resource':
      return all;
    case 'rcp':
      return all.filter((e) => e !== 'NotPrincipal' && e !== 'NotAction');
    default:
      // Identity, session, boundary and SCP policies apply to whoever they are attached to.
      return all.filter((e) => e !== 'Principal' && e !== 'NotPrincipal');
  }
}

export const POLICY_ELEMENTS: readonly string[] = ['Version', 'Id', 'Statement'];

export const VERSION_DOCS: Readonly<Record<string, string>> = {
  '2012-10-17': 'The current policy language. Supports policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`) and every current feature.',
  '2008-10-17': 'The original policy language. Policy variables are **not** substituted: `${aws:username}` is matched as literal text. Use `2012-10-17`.',
};

export const EFFECT_DOCS: Readonly<Record<string, string>> = {
  Allow: 'Grants the actions — unless an explicit `Deny` in any policy that applies (identity, resource, SCP, RCP, boundary, session) denies them, or a guardrail (SCP, RCP, boundary, session policy) does not allow them too.',
  Deny: 'Explicitly denies the actions. An explicit deny overrides every `Allow`, in every policy type.',
};

/** The keys of a `Principal` object. */
export const PRINCIPAL_TYPE_DOCS: Readonly<Record<string, string>> = {
  AWS: 'AWS accounts and IAM principals: an account ID (`123456789012`, the same as its `:root` ARN — the account, which then delegates to its IAM users and roles), a role, user or role-session ARN, or `*`.',
  Service: 'AWS service principals, such as `ec2.amazonaws.com` or `lambda.amazonaws.com`: the service may act (assume the role, call the resource) on behalf of your resources.',
  Federated: 'Identity providers: a SAML provider ARN (`arn:aws:iam::ACCOUNT:saml-provider/NAME`), an OIDC provider ARN (`arn:aws:iam::ACCOUNT:oidc-provider/HOST`), or a built-in web identity provider (`cognito-identity.amazonaws.com`, `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`).',
  CanonicalUser: 'An Amazon S3 canonical user ID (a long hexadecimal string), used by older S3 grants and CloudFront origin access identities.',
};

// What an `AWS` principal value names.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { isAccountId, parseArn } from './arn';

export type AwsPrincipalType = 'wildcard' | 'account' | 'root' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'unique-id' | 'other';

export interface AwsPrincipal {
  type: AwsPrincipalType;
  account?: string;
}

export function classifyAwsPrincipal(value: string): AwsPrincipal {
  if (value === '*') return { type: 'wildcard' };
  if (isAccountId(value)) return { type: 'account', account: value };
  if (isUniqueId(value)) return { type: 'unique-id' };
  const arn = parseArn(value);
  if (!arn) return { type: 'other' };
  const account = isAccountId(arn.account) ? arn.account : undefined;
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { type: 'root', account };
    if (arn.resource.startsWith('user/')) return { type: 'user', account };
    if (arn.resource.startsWith('role/')) return { type: 'role', account };
    if (arn.resource.startsWith('federated-user/')) return { type: 'federated-user', account };
  }
  if (arn.service === 'sts') {
    if (arn.resource.startsWith('assumed-role/')) return { type: 'assumed-role', account };
    if (arn.resource.startsWith('federated-user/')) return { type: 'federated-user', account };
  }
  return { type: 'other', account };
}

/** IAM unique IDs: `AIDA…` users, `AROA…` roles (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids). */
export function isUniqueId(value: string): boolean {
  if (value.length < 16 || value.length > 128) return false;
  const prefix = value.slice(0, 4);
  if (prefix !== 'AIDA' && prefix !== 'AROA') return false;
  return [...value].every((c) => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

export type FederatedProviderType = 'oidc' | 'saml' | 'cognito' | 'other';

export interface FederatedProvider {
  type: FederatedProviderType;
  /** The provider's host (and path), which is also its condition key prefix. */
  host: string;
}

const BUILT_IN_WEB_IDENTITY = ['accounts.google.com', 'graph.facebook.com', 'www.amazon.com'];

/** A `Federated` principal value → the kind of identity provider it names. */
export function classifyFederated(value: string): FederatedProvider {
  const lower = value.toLowerCase();
  if (lower === 'cognito-identity.amazonaws.com') return { type: 'cognito', host: lower };
  if (BUILT_IN_WEB_IDENTITY.includes(lower)) return { type: 'oidc', host: lower };
  const arn = parseArn(value);
  if (arn && arn.service === 'iam') {
    if (arn.resource.startsWith('oidc-provider/')) return { type: 'oidc', host: arn.resource.slice('oidc-provider/'.length) };
    if (arn.resource.startsWith('saml-provider/')) return { type: 'saml', host: 'saml' };
  }
  return { type: 'other', host: lower };
}

export function isGithubActionsHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === 'token.actions.githubusercontent.com' || lower.startsWith('token.actions.githubusercontent.com/');
}

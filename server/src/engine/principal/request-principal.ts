// Who is calling: the request's principal string turned into the identities AWS would match
// a resource policy's Principal against, plus the facts implied context keys come from.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { ARN_PARTS, splitArn } from '../../iam/arn';
import type { CredentialFacts } from '../types';

export type CallerKind =
  | 'root'
  | 'user'
  /** A role ARN given as the caller: a session of that role whose session name is unknown. */
  | 'role'
  | 'roleSession'
  | 'federatedUser'
  | 'webIdentityProvider'
  | 'samlProvider'
  | 'service'
  | 'anonymous'
  | 'unknown';

export interface CallerIdentity {
  kind: CallerKind;
  /** The principal string as given. */
  raw: string;
  partition: string;
  account?: string;
  /** aws:PrincipalArn: the role ARN for a role session, the caller's ARN otherwise. */
  principalArn?: string;
  /** Full ARNs that name this caller, most specific first (session, role, user …). */
  arns: string[];
  /** For role sessions. */
  roleArn?: string;
  roleName?: string;
  sessionName?: string;
  /** For IAM users and federated users. */
  name?: string;
  uniqueId?: string;
  serviceName?: string;
  /** Service-linked roles live under the `aws-service-role/` path; SCPs never bind them. */
  serviceLinkedRole: boolean;
}

/** True for callers that IAM identity policies, boundaries, SCPs and sessions can govern. */
export function isIamCaller(caller: CallerIdentity): boolean {
  return (
    caller.kind === 'root' ||
    caller.kind === 'user' ||
    caller.kind === 'role' ||
    caller.kind === 'roleSession' ||
    caller.kind === 'federatedUser'
  );
}

export function parseCaller(principal: string, credentials: CredentialFacts | undefined): CallerIdentity {
  const raw = principal.trim();
  const base = { raw, partition: 'aws', arns: [] as string[], serviceLinkedRole: false, uniqueId: credentials?.uniqueId };
  if (raw === '*' || raw.toLowerCase() === 'anonymous') return { ...base, kind: 'anonymous' };
  if (!raw.startsWith('arn:')) {
    if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(raw)) {
      return { ...base, kind: 'service', serviceName: raw.toLowerCase(), principalArn: undefined };
    }
    // Web identity providers may be named without an ARN (accounts.google.com, cognito-identity.amazonaws.com).
    return { ...base, kind: raw.includes('.') ? 'webIdentityProvider' : 'unknown' };
  }
  const parts = splitArn(raw);
  if (parts.length < ARN_PARTS) return { ...base, kind: 'unknown' };
  const [, partition, service, , account, resource] = parts;
  const common = { ...base, partition, account: account || undefined };
  if (service === 'iam') {
    if (resource === 'root') {
      return { ...common, kind: 'root', principalArn: raw, arns: [raw] };
    }
    if (resource.startsWith('user/')) {
      const name = resource.slice(resource.lastIndexOf('/') + 1);
      return { ...common, kind: 'user', principalArn: raw, arns: [raw], name };
    }
    if (resource.startsWith('role/')) {
      const roleName = resource.slice(resource.lastIndexOf('/') + 1);
      return {
        ...common,
        kind: 'role',
        principalArn: raw,
        roleArn: raw,
        roleName,
        arns: [raw],
        serviceLinkedRole: resource.startsWith('role/aws-service-role/'),
      };
    }
    if (resource.startsWith('oidc-provider/')) return { ...common, kind: 'webIdentityProvider', arns: [raw] };
    if (resource.startsWith('saml-provider/')) return { ...common, kind: 'samlProvider', arns: [raw] };
  }
  if (service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const [, roleName = '', ...rest] = resource.split('/');
      const sessionName = rest.join('/');
      // The session ARN drops the role's path; the full role ARN may come with the credentials.
      const roleArn = credentials?.roleArn ?? `arn:${partition}:iam::${account}:role/${roleName}`;
      return {
        ...common,
        kind: 'roleSession',
        principalArn: roleArn,
        roleArn,
        roleName,
        sessionName,
        arns: [raw, roleArn],
        serviceLinkedRole: roleArn.includes(':role/aws-service-role/'),
      };
    }
    if (resource.startsWith('federated-user/')) {
      const name = resource.slice('federated-user/'.length);
      return { ...common, kind: 'federatedUser', principalArn: raw, arns: [raw], name };
    }
  }
  return { ...common, kind: 'unknown', principalArn: raw, arns: [raw] };
}

/** aws:PrincipalType values. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principaltype */
export function principalType(caller: CallerIdentity): string | undefined {
  switch (caller.kind) {
    case 'root':
      return 'Account';
    case 'user':
      return 'User';
    case 'role':
    case 'roleSession':
      return 'AssumedRole';
    case 'federatedUser':
      return 'FederatedUser';
    case 'anonymous':
      return 'Anonymous';
    default:
      return undefined;
  }
}

/**
 * `parseCaller` remembered per principal string and the two credential facts it reads: a bulk
 * evaluation asks for the same few callers over and over. The engine only reads the result;
 * the cache is dropped whole when it grows past a bound.
 */
const callerCache = new Map<string, CallerIdentity>();
const CALLER_CACHE_LIMIT = 1000;

export function cachedCaller(principal: string, credentials: CredentialFacts | undefined): CallerIdentity {
  const key = credentials ? `${principal}\u0000${optionalKey(credentials.uniqueId)}\u0000${optionalKey(credentials.roleArn)}` : principal;
  let caller = callerCache.get(key);
  if (!caller) {
    if (callerCache.size >= CALLER_CACHE_LIMIT) callerCache.clear();
    caller = parseCaller(principal, credentials);
    callerCache.set(key, caller);
  }
  return caller;
}

/** Keeps absent apart from every string value, the empty string included. */
function optionalKey(value: string | undefined): string {
  return value === undefined ? '-' : `+${JSON.stringify(value)}`;
}

// Principal / NotPrincipal of a resource policy against the caller.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
import { arnAccount } from '../../iam/arn';
import type { CompiledPrincipalEntry, CompiledStatement } from '../compile/compile-policy';
import type { PrincipalMatch, PrincipalMatchKind, ValueRef } from '../types';
import type { CallerIdentity } from './request-principal';

/** Strongest first: the kind reported when several entries name the caller. */
const PRECEDENCE: readonly PrincipalMatchKind[] = [
  'roleSession',
  'federatedUser',
  'user',
  'root',
  'wildcard',
  'service',
  'federated',
  'role',
  'account',
];

/** How one Principal entry names the caller, if it does. */
export function principalEntryMatch(entry: CompiledPrincipalEntry, caller: CallerIdentity): PrincipalMatchKind | undefined {
  const value = entry.ref.value;
  if (entry.kind === '*') return value === '*' ? 'wildcard' : undefined;
  switch (entry.kind) {
    case 'AWS':
      return awsEntryMatch(value, caller);
    case 'Service':
      return caller.kind === 'service' && value.toLowerCase() === caller.serviceName ? 'service' : undefined;
    case 'Federated':
      return (caller.kind === 'webIdentityProvider' || caller.kind === 'samlProvider') && value === caller.raw ? 'federated' : undefined;
    default:
      // CanonicalUser and unknown kinds cannot be resolved from an ARN.
      return undefined;
  }
}

function awsEntryMatch(value: string, caller: CallerIdentity): PrincipalMatchKind | undefined {
  if (value === '*') return 'wildcard';
  if (caller.account && (value === caller.account || isRootArnOf(value, caller.account))) {
    return caller.kind === 'root' ? 'root' : 'account';
  }
  if (caller.kind === 'roleSession' && value === caller.arns[0]) return 'roleSession';
  if ((caller.kind === 'roleSession' || caller.kind === 'role') && value === caller.roleArn) return 'role';
  if (caller.kind === 'user' && value === caller.raw) return 'user';
  if (caller.kind === 'federatedUser' && value === caller.raw) return 'federatedUser';
  if (caller.uniqueId && value === caller.uniqueId.split(':')[0]) {
    if (caller.kind === 'user') return 'user';
    if (caller.kind === 'role' || caller.kind === 'roleSession') return 'role';
  }
  return undefined;
}

function isRootArnOf(value: string, account: string): boolean {
  return /^arn:[^:]+:iam::\d{12}:root$/.test(value) && arnAccount(value) === account;
}

/** The identities AWS checks against a NotPrincipal list: the caller, its role, its account. */
function callerIdentityKinds(caller: CallerIdentity): PrincipalMatchKind[] {
  switch (caller.kind) {
    case 'roleSession':
      return ['roleSession', 'role', 'account'];
    case 'role':
      return ['role', 'account'];
    case 'user':
      return ['user', 'account'];
    case 'federatedUser':
      return ['federatedUser', 'account'];
    case 'root':
      return ['root'];
    case 'service':
      return ['service'];
    case 'webIdentityProvider':
    case 'samlProvider':
      return ['federated'];
    default:
      return [];
  }
}

export function statementMatchesPrincipal(
  principal: CompiledStatement['principal'],
  caller: CallerIdentity,
  effect: 'Allow' | 'Deny' | 'invalid',
): PrincipalMatch {
  if (!principal) {
    return { matches: false, element: 'absent', matched: [], note: 'A resource policy statement needs a Principal or NotPrincipal.' };
  }
  const matched: ValueRef[] = [];
  const kinds = new Set<PrincipalMatchKind>();
  for (const entry of principal.entries) {
    const kind = principalEntryMatch(entry, caller);
    if (kind) {
      matched.push(entry.ref);
      kinds.add(kind);
    }
  }
  if (principal.element === 'Principal') {
    const kind = PRECEDENCE.find((k) => kinds.has(k));
    return { matches: kind !== undefined, element: 'Principal', matched, kind };
  }
  // NotPrincipal: with Deny, the caller escapes only when every identity AWS checks is
  // listed (for a role session: the session, the role and the account). With Allow (which
  // most services reject) any listed identity excludes the caller, the narrower reading.
  // A listed "*" excludes every caller, anonymous ones included: an Allow with it grants nobody
  // and a Deny with it denies nobody.
  const identities = callerIdentityKinds(caller);
  const listed = identities.filter((k) => kinds.has(k) || kinds.has('wildcard'));
  const excluded = kinds.has('wildcard') || (effect === 'Deny' ? identities.length > 0 && listed.length === identities.length : listed.length > 0);
  const missing = identities.filter((k) => !listed.includes(k));
  return {
    matches: !excluded,
    element: 'NotPrincipal',
    matched,
    note:
      !excluded && listed.length > 0 && effect === 'Deny'
        ? `NotPrincipal lists part of the caller but not its ${missing.join(', ')}: the statement still applies.`
        : undefined,
  };
}

import { createHash, randomBytes } from 'node:crypto';
import type { StsIdentityConfig, StsRoleConfig } from './stsServerConfig';

/**
 * Principals known to the loopback server: configured IAM users (long-term keys) and the
 * temporary credentials it issued, so a session can call STS again (role chaining,
 * GetCallerIdentity with session credentials, ExpiredToken once it lapses).
 */

export type CallerKind = 'user' | 'root' | 'assumed-role' | 'federated-user' | 'session-token';

export interface Caller {
  kind: CallerKind;
  accessKeyId: string;
  secretAccessKey: string;
  /** ARN reported by GetCallerIdentity. */
  arn: string;
  userId: string;
  account: string;
  /** For assumed-role callers: the IAM role ARN (what a trust policy names for chaining). */
  roleArn?: string;
  mfaAuthenticated: boolean;
  /** The long-term identity behind a GetSessionToken session. */
  identity?: StsIdentityConfig;
}

export interface IssuedCredentials {
  caller: Caller;
  sessionToken: string;
  expiration: Date;
}

const keyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (let index = 0; index < length; index++) {
    id += keyAlphabet[bytes[index] % keyAlphabet.length];
  }
  return id;
}

export function derivedId(prefix: string, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = prefix;
  for (let index = 0; index < 17; index++) {
    id += keyAlphabet[digest[index] % keyAlphabet.length];
  }
  return id;
}

export function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '000000000000';
}

export function roleNameOf(roleArn: string): string {
  const resource = roleArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

export function roleIdOf(role: StsRoleConfig): string {
  return role.roleId ?? derivedId('AROA', role.arn);
}

export function newTemporaryKeys(): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  return {
    accessKeyId: randomId('ASIA', 16),
    secretAccessKey: randomBytes(30).toString('base64'),
    // Real tokens are several hundred base64 characters; the prefix mimics their look.
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`,
  };
}

export function callerFromIdentity(identity: StsIdentityConfig): Caller {
  const isRoot = identity.arn.endsWith(':root');
  return {
    kind: isRoot ? 'root' : 'user',
    accessKeyId: identity.accessKeyId,
    secretAccessKey: identity.secretAccessKey,
    arn: identity.arn,
    userId: identity.userId ?? (isRoot ? accountOf(identity.arn) : derivedId('AIDA', identity.arn)),
    account: accountOf(identity.arn),
    mfaAuthenticated: false,
    identity,
  };
}

/** Whether a trust policy listing `trusted` lets `caller` in. */
export function trusts(trusted: readonly string[], caller: Caller): boolean {
  return trusted.some(
    (entry) =>
      entry === '*' ||
      entry === caller.arn ||
      entry === caller.roleArn ||
      entry === caller.account ||
      entry === `arn:aws:iam::${caller.account}:root`,
  );
}

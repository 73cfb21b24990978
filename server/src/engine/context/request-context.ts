// The request context: the keys a condition can test. Keys are case-insensitive
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html),
// so they are stored lower-cased. Keys the request implies (who calls, when) are filled in
// unless the request gives them itself.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
import type { CallerIdentity } from '../principal/request-principal';
import { principalType } from '../principal/request-principal';
import type { ContextValue, CredentialFacts } from '../types';

export interface RequestContext {
  /** Values of a key, or undefined when the key is absent. */
  get(key: string): string[] | undefined;
  /** A single-valued key's value, for policy variables; undefined when absent or multivalued. */
  single(key: string): string | undefined;
  /** Every key with its name as given (or as AWS spells an implied key). */
  toRecord(): Record<string, string[]>;
}

interface Entry {
  key: string;
  values: string[];
}

export function buildRequestContext(
  given: Record<string, ContextValue> | undefined,
  caller: CallerIdentity,
  resourceAccount: string | undefined,
  credentials: CredentialFacts | undefined,
  now: Date,
): RequestContext {
  const entries = new Map<string, Entry>();
  for (const [key, value] of Object.entries(given ?? {})) {
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    entries.set(key.toLowerCase(), { key, values });
  }
  const imply = (key: string, value: string | undefined): void => {
    if (value === undefined || entries.has(key.toLowerCase())) return;
    entries.set(key.toLowerCase(), { key, values: [value] });
  };
  for (const [key, value] of impliedKeys(caller, resourceAccount, credentials, now)) imply(key, value);
  return {
    get: (key) => entries.get(key.toLowerCase())?.values,
    single: (key) => {
      const values = entries.get(key.toLowerCase())?.values;
      return values && values.length === 1 ? values[0] : undefined;
    },
    toRecord: () => Object.fromEntries([...entries.values()].map((e) => [e.key, e.values])),
  };
}

function impliedKeys(
  caller: CallerIdentity,
  resourceAccount: string | undefined,
  credentials: CredentialFacts | undefined,
  now: Date,
): Array<[string, string | undefined]> {
  const keys: Array<[string, string | undefined]> = [
    ['aws:CurrentTime', now.toISOString().replace(/\.\d{3}Z$/, 'Z')],
    ['aws:EpochTime', String(Math.floor(now.getTime() / 1000))],
    ['aws:ResourceAccount', resourceAccount],
  ];
  const iamCaller = ['root', 'user', 'role', 'roleSession', 'federatedUser'].includes(caller.kind);
  if (iamCaller) {
    keys.push(
      ['aws:PrincipalArn', caller.principalArn],
      ['aws:PrincipalAccount', caller.account],
      ['aws:PrincipalType', principalType(caller)],
      ['aws:PrincipalIsAWSService', 'false'],
      ['aws:userid', userId(caller)],
    );
    if (caller.kind === 'user') keys.push(['aws:username', caller.name]);
  } else if (caller.kind === 'service') {
    keys.push(['aws:PrincipalIsAWSService', 'true'], ['aws:PrincipalServiceName', caller.serviceName]);
  } else if (caller.kind === 'anonymous') {
    keys.push(['aws:PrincipalType', 'Anonymous']);
  }
  if (credentials?.issuedBy) {
    // Present only for temporary credentials: long-term keys leave MultiFactorAuthPresent absent.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
    keys.push(['aws:MultiFactorAuthPresent', credentials.mfa ? 'true' : 'false']);
  }
  if (credentials?.issuedAt) keys.push(['aws:TokenIssueTime', credentials.issuedAt]);
  if (credentials?.mfaAuthenticatedAt) {
    const at = Date.parse(credentials.mfaAuthenticatedAt);
    if (!Number.isNaN(at)) keys.push(['aws:MultiFactorAuthAge', String(Math.max(0, Math.floor((now.getTime() - at) / 1000)))]);
  }
  return keys;
}

/** aws:userid per principal type; unknown unique IDs leave it absent rather than invented. */
function userId(caller: CallerIdentity): string | undefined {
  switch (caller.kind) {
    case 'root':
      return caller.account;
    case 'user':
      return caller.uniqueId;
    case 'roleSession':
      return caller.uniqueId ? `${caller.uniqueId.split(':')[0]}:${caller.sessionName}` : undefined;
    case 'federatedUser':
      return caller.account ? `${caller.account}:${caller.name}` : undefined;
    default:
      return undefined;
  }
}

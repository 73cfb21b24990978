/**
 * Configuration of the loopback STS server: who exists, which roles they may assume, and which
 * faults to inject. Plain JSON so `main.ts` can read it from a file for end-to-end tests.
 */

export interface StsIdentityConfig {
  accessKeyId: string;
  secretAccessKey: string;
  /** `arn:aws:iam::ACCOUNT:user/NAME`, or `arn:aws:iam::ACCOUNT:root` for the root user. */
  arn: string;
  /** Unique ID reported by GetCallerIdentity (AIDA… for users); derived when absent. */
  userId?: string;
  /** The MFA device of this identity and the code it currently shows. */
  mfa?: { serialNumber: string; tokenCode: string };
  /** Whether the identity policy allows sts:DecodeAuthorizationMessage (default true). */
  canDecodeAuthorizationMessages?: boolean;
}

export interface StsRoleConfig {
  arn: string;
  /** AROA… unique ID; derived when absent. */
  roleId?: string;
  /** Role's MaxSessionDuration, 3600–43200 (default 3600). */
  maxSessionDurationSeconds?: number;
  /** Principals the trust policy allows: principal ARNs, role ARNs (for chaining), account IDs, or `*`. */
  trustedPrincipals?: string[];
  /** Trust policy condition sts:ExternalId. */
  requireExternalId?: string;
  /** Trust policy condition aws:MultiFactorAuthPresent. */
  requireMfa?: boolean;
  /** OIDC issuers (`iss`, without https://) allowed to AssumeRoleWithWebIdentity. */
  webIdentityProviders?: string[];
  /** SAML provider ARNs allowed to AssumeRoleWithSAML. */
  samlProviders?: string[];
}

export interface StsForcedError {
  code: string;
  message?: string;
  /** Defaults to the status STS uses for the code. */
  status?: number;
}

export type MalformedKind = 'not-xml' | 'truncated-xml' | 'missing-credentials' | 'empty';

export interface StsFault {
  /** Answer this error instead of processing the request. */
  error?: StsForcedError;
  /** Wait before answering (the answer is then processed normally unless another fault applies). */
  delayMs?: number;
  /** Answer 200 with a body that is not a valid STS answer. */
  malformed?: MalformedKind;
  /** Apply to this many requests, then clear (default: until cleared). */
  times?: number;
}

import type { IdentityCenterConfig } from './identityCenter';

export interface StsServerConfig {
  /** IAM Identity Center (SSO OIDC, the SSO portal) and the federation endpoint; absent: none. */
  identityCenter?: IdentityCenterConfig;
  identities?: StsIdentityConfig[];
  roles?: StsRoleConfig[];
  /** Regions (from the SigV4 credential scope) where STS is not activated for the account. */
  disabledRegions?: string[];
  /**
   * The server plays the global endpoint issuing version-1 session tokens: a request signed (SigV4
   * credential scope) for one of these Regions with a session token it issued is refused with
   * InvalidClientTokenId, as opt-in Regions refuse version-1 tokens.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html
   */
  version1TokensRefusedIn?: string[];
  /** EncodedMessage → DecodedMessage for DecodeAuthorizationMessage. */
  authorizationMessages?: Record<string, string>;
  /** Faults per Action name, e.g. `{ "AssumeRole": { "error": { "code": "Throttling" } } }`. */
  faults?: Record<string, StsFault>;
  /** Budget for PackedPolicySize (percentage = used / budget); default 4096 bytes. */
  packedPolicyBudgetBytes?: number;
  /** Check SigV4 signatures against the identities' secret keys (default true). */
  verifySignatures?: boolean;
}

export interface StsErrorSpec {
  status: number;
  type: 'Sender' | 'Receiver';
  message: string;
}

/** HTTP status, fault type and default message STS uses for each error code. */
export const stsErrorCatalogue: Record<string, StsErrorSpec> = {
  AccessDenied: { status: 403, type: 'Sender', message: 'User is not authorized to perform this operation.' },
  ExpiredToken: { status: 403, type: 'Sender', message: 'The security token included in the request is expired' },
  InvalidClientTokenId: { status: 403, type: 'Sender', message: 'The security token included in the request is invalid.' },
  SignatureDoesNotMatch: {
    status: 403,
    type: 'Sender',
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  },
  MissingAuthenticationToken: { status: 403, type: 'Sender', message: 'Request is missing Authentication Token' },
  IncompleteSignature: { status: 400, type: 'Sender', message: 'Authorization header is not a valid SigV4 header.' },
  MalformedPolicyDocument: { status: 400, type: 'Sender', message: 'The policy is not in the valid JSON format.' },
  PackedPolicyTooLarge: { status: 400, type: 'Sender', message: 'Packed size of session policies and session tags exceeds the limit.' },
  RegionDisabledException: {
    status: 403,
    type: 'Sender',
    message: 'STS is not activated in this region for this account. Your account administrator can activate STS in this region using the IAM Console.',
  },
  IDPRejectedClaim: { status: 403, type: 'Sender', message: 'Token rejected by the identity provider.' },
  IDPCommunicationError: { status: 400, type: 'Sender', message: "Couldn't retrieve verification key from your identity provider." },
  InvalidIdentityToken: { status: 400, type: 'Sender', message: "Couldn't parse the token." },
  ExpiredTokenException: { status: 400, type: 'Sender', message: 'Token is expired.' },
  InvalidAuthorizationMessageException: { status: 400, type: 'Sender', message: 'The encoded message is invalid.' },
  ValidationError: { status: 400, type: 'Sender', message: '1 validation error detected.' },
  Throttling: { status: 400, type: 'Sender', message: 'Rate exceeded' },
  InvalidAction: { status: 400, type: 'Sender', message: 'Could not find operation for version 2011-06-15' },
  InternalFailure: { status: 500, type: 'Receiver', message: 'An internal error occurred.' },
  ServiceUnavailable: { status: 503, type: 'Receiver', message: 'Service is unavailable.' },
};

export function errorSpec(code: string): StsErrorSpec {
  return stsErrorCatalogue[code] ?? { status: 400, type: 'Sender', message: code };
}

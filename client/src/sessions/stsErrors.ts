import { redactSecrets } from './redact';
import type { StsCallError, StsErrorCause, StsOperation } from './stsTypes';

/**
 * Turns whatever a failed STS call threw (an AWS service error parsed by the SDK, a Node socket
 * error, a timeout, a response the SDK could not parse) into a `StsCallError` whose message
 * names the cause and the fix. Error codes: https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 * and the Errors section of each operation page.
 */

export interface StsErrorContext {
  operation: StsOperation;
  roleArn?: string;
  region: string;
  /** The endpoint the call went to, shown in network messages. */
  endpoint: string;
  timeoutMs?: number;
}

/**
 * The SDK names modelled errors after their shape (`MalformedPolicyDocumentException`) while the
 * wire code is `MalformedPolicyDocument`; the product always shows the wire code.
 */
const sdkNameToWireCode: Record<string, string> = {
  MalformedPolicyDocumentException: 'MalformedPolicyDocument',
  PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
  IDPRejectedClaimException: 'IDPRejectedClaim',
  IDPCommunicationErrorException: 'IDPCommunicationError',
  InvalidIdentityTokenException: 'InvalidIdentityToken',
  ThrottlingException: 'Throttling',
  RequestLimitExceeded: 'Throttling',
  TooManyRequestsException: 'Throttling',
  AccessDeniedException: 'AccessDenied',
};

export function canonicalStsErrorCode(name: string): string {
  return sdkNameToWireCode[name] ?? name;
}

function serviceMessage(code: string, context: StsErrorContext, awsMessage: string | undefined): string {
  const op = context.operation;
  const role = context.roleArn ? ` ${context.roleArn}` : '';
  switch (code) {
    case 'AccessDenied':
      if (op === 'AssumeRole' || op === 'AssumeRoleWithWebIdentity' || op === 'AssumeRoleWithSAML') {
        return (
          `Access denied assuming${role || ' the role'}: the role's trust policy or your identity policy does not allow ` +
          `sts:${op} for this caller. Check that the trust policy names your principal (and that any ExternalId or MFA ` +
          'condition is met), that your identity policy allows the action on this role, and that no SCP denies it. ' +
          'The root user cannot call AssumeRole.'
        );
      }
      if (op === 'GetSessionToken' || op === 'GetFederationToken') {
        return (
          `Access denied calling ${op}: it must be called with long-term IAM user (or root) keys, and your identity ` +
          `policy must allow sts:${op}. Credentials that are already temporary cannot call it.`
        );
      }
      if (op === 'DecodeAuthorizationMessage') {
        return 'Access denied decoding the message: your identity policy must allow sts:DecodeAuthorizationMessage.';
      }
      return `Access denied calling ${op}: your identity policy (or an SCP) does not allow sts:${op}.`;
    case 'ExpiredToken':
      return (
        'The credentials used to sign the request have expired. Refresh or re-create the source session ' +
        '(for an SSO profile run `aws sso login`) and try again.'
      );
    case 'InvalidClientTokenId':
      return (
        'AWS does not recognise the access key ID: the key was deleted or deactivated, belongs to another partition, ' +
        'or a temporary key is used without its session token. Check aws_access_key_id (and aws_session_token) in the profile.'
      );
    case 'SignatureDoesNotMatch':
      return (
        'AWS rejected the request signature: the secret access key does not match the access key ID, or the ' +
        "computer's clock is wrong. Check aws_secret_access_key in the profile and the system time."
      );
    case 'IncompleteSignature':
    case 'MissingAuthenticationToken':
      return `The ${op} request was not signed: select a profile or session whose credentials can sign it.`;
    case 'MalformedPolicyDocument':
      return (
        'The session policy is not a valid IAM policy: fix its JSON and grammar (Version, Statement, Effect, ' +
        'Action, Resource) and try again.'
      );
    case 'PackedPolicyTooLarge':
      return (
        'The session policies and tags exceed the packed size limit: shorten the inline session policy, pass fewer ' +
        'managed policy ARNs, or pass fewer or shorter session tags.'
      );
    case 'RegionDisabledException':
      return (
        `STS is not activated in ${context.region} for this account: an administrator can activate the Region in the ` +
        'IAM console (Account settings), or choose another Region such as us-east-1.'
      );
    case 'IDPRejectedClaim':
      return (
        'The identity provider rejected the claim in the token or assertion (invalid, expired or revoked): sign in ' +
        'to the identity provider again to get a fresh token.'
      );
    case 'IDPCommunicationError':
      return (
        'STS could not reach the identity provider to validate the token (it is down or answered too slowly): ' +
        'try again shortly, and check that the OIDC provider URL is reachable from the internet.'
      );
    case 'InvalidIdentityToken':
      return (
        'The web identity token or SAML assertion is not valid: it is malformed, or its issuer or audience does not ' +
        'match an identity provider registered in IAM for this account. Check the IAM identity provider and the ' +
        "token's iss and aud."
      );
    case 'ExpiredTokenException':
      return 'The web identity token or SAML assertion has expired: get a fresh one from the identity provider and try again.';
    case 'InvalidAuthorizationMessageException':
      return (
        'The encoded authorization message is not valid: paste the complete encoded message, unmodified, and decode ' +
        'it with credentials from the account where it was produced.'
      );
    case 'ValidationError':
      return `STS rejected an input as outside its limits${awsMessage ? `: ${awsMessage}` : '.'} Fix the value and try again.`;
    case 'Throttling':
      return 'STS is throttling requests (rate exceeded): wait a few seconds and try again.';
    case 'InternalFailure':
    case 'ServiceUnavailable':
      return `STS had an internal problem (${code}): try again shortly.`;
    default:
      return `STS refused ${op} with ${code}${awsMessage ? `: ${awsMessage}` : '.'}`;
  }
}

interface RawErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
  $response?: unknown;
  cause?: unknown;
}

function asShape(raw: unknown): RawErrorShape {
  return typeof raw === 'object' && raw !== null ? (raw as RawErrorShape) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

const refusedCodes = new Set(['ECONNREFUSED']);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME']);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
const unreachableCodes = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const timeoutCodes = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const tlsCodePattern = /^(CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_TLS_|ERR_SSL_|ERR_OSSL)/;

function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

function networkError(
  code: string,
  cause: StsErrorCause,
  message: string,
  context: StsErrorContext,
): StsCallError {
  return { code, cause, message, operation: context.operation };
}

/** Classifies a Node/socket-level failure, or returns undefined if `raw` is not one. */
function classifyTransportFailure(raw: RawErrorShape, context: StsErrorContext): StsCallError | undefined {
  const nodeCode = text(raw.code) ?? text(asShape(raw.cause).code);
  const name = text(raw.name);
  const where = `${context.endpoint}`;
  if (nodeCode && refusedCodes.has(nodeCode)) {
    return networkError(
      'ConnectionRefused',
      'network',
      `Could not connect to the STS endpoint ${where} (connection refused): check the endpoint setting ` +
        '(iamSts.stsEndpoint), your proxy and your network.',
      context,
    );
  }
  if (nodeCode && dnsCodes.has(nodeCode)) {
    return networkError(
      'DnsLookupFailed',
      'network',
      `Could not resolve the host ${endpointHost(context.endpoint)}: check the Region name and the endpoint ` +
        'setting, and your DNS or network connection.',
      context,
    );
  }
  if (name === 'TimeoutError' || name === 'AbortError' || (nodeCode && timeoutCodes.has(nodeCode))) {
    const seconds = context.timeoutMs ? ` within ${Math.round(context.timeoutMs / 100) / 10} s` : '';
    return networkError(
      'Timeout',
      'timeout',
      `The STS endpoint ${where} did not answer${seconds}: check your network, proxy or firewall, or try again.`,
      context,
    );
  }
  if (nodeCode && resetCodes.has(nodeCode)) {
    return networkError(
      'ConnectionReset',
      'network',
      `The connection to the STS endpoint ${where} was closed before an answer arrived: check your proxy or ` +
        'network and try again.',
      context,
    );
  }
  if (nodeCode && unreachableCodes.has(nodeCode)) {
    return networkError(
      'NetworkUnreachable',
      'network',
      `The STS endpoint ${where} is unreachable (${nodeCode}): check your network connection and proxy settings.`,
      context,
    );
  }
  if (nodeCode && tlsCodePattern.test(nodeCode)) {
    return networkError(
      'TlsError',
      'network',
      `The TLS connection to ${where} failed (${nodeCode}): a proxy may be intercepting HTTPS; configure its ` +
        'certificate authority (NODE_EXTRA_CA_CERTS) or use another network.',
      context,
    );
  }
  return undefined;
}

/** Error names the SDK gives when it could not make sense of the response body. */
const unparseableNames = new Set(['SyntaxError', 'Unknown', 'UnknownError', 'XMLParserError', 'DeserializationError']);

export function malformedResponseError(context: StsErrorContext, requestId?: string, detail?: string): StsCallError {
  return {
    code: 'MalformedResponse',
    cause: 'malformed-response',
    operation: context.operation,
    requestId,
    message:
      `The endpoint ${context.endpoint} answered ${context.operation} with something that is not a valid STS ` +
      `response${detail ? ` (${detail})` : ''}: check that the endpoint setting points at STS and not at a proxy or ` +
      'captive portal.',
  };
}

export function toStsCallError(raw: unknown, context: StsErrorContext): StsCallError {
  const shape = asShape(raw);
  const transport = classifyTransportFailure(shape, context);
  if (transport) {
    return transport;
  }
  const name = text(shape.name) ?? 'Error';
  const awsMessage = text(shape.message);
  const requestId = text(shape.$metadata?.requestId);
  const httpStatus = typeof shape.$metadata?.httpStatusCode === 'number' ? shape.$metadata.httpStatusCode : undefined;
  const isServiceError = shape.$fault === 'client' || shape.$fault === 'server';
  if (!isServiceError || unparseableNames.has(name)) {
    return { ...malformedResponseError(context, requestId, httpStatus ? `HTTP ${httpStatus}` : undefined), httpStatus };
  }
  const code = canonicalStsErrorCode(name);
  return {
    code,
    cause: 'aws',
    operation: context.operation,
    message: serviceMessage(code, context, awsMessage),
    awsMessage,
    requestId,
    httpStatus,
  };
}

/** A failure detected before any call, shown as the reason in the input box. */
export function invalidInputError(operation: StsOperation, reason: string): StsCallError {
  return { code: 'InvalidInput', cause: 'invalid-input', operation, message: reason };
}

export function credentialsUnavailableError(operation: StsOperation, raw: unknown, source: string): StsCallError {
  // Messages from credential_process or SSO may echo their output: never show secrets from it.
  const detail = text(asShape(raw).message);
  return {
    code: 'CredentialsUnavailable',
    cause: 'credentials',
    operation,
    message:
      `Could not get credentials from ${source}${detail ? `: ${redactSecrets(detail)}` : ''}. Check the profile in ` +
      '~/.aws/config and ~/.aws/credentials (for SSO run `aws sso login`).',
  };
}

/**
 * Redaction for anything written to the output channel. Access key IDs are not secret but are
 * shortened; secret keys, session tokens, MFA codes, web identity tokens and SAML assertions are
 * removed. Redaction is pattern based, so callers should still avoid passing secrets in the
 * first place: `formatCallLog` carries only the fields that are safe to log.
 */

const redacted = '[redacted]';

/** AKIA = long-term user key, ASIA = temporary key, ABIA/ACCA = other STS-issued key IDs. */
const accessKeyIdPattern = /\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\b/g;

/** `name=value`, `name: value`, `"name": "value"` for names that carry secrets. */
const secretAssignmentPattern =
  /\b(aws_secret_access_key|secret_?access_?key|aws_session_token|aws_security_token|session_?token|security_?token|x-amz-security-token|token_?code|mfa_?code|web_?identity_?token|saml_?assertion|password)(["']?\s*[:=]\s*["']?)([^\s"'&,;<>]+)/gi;

/** The SigV4 signature of an Authorization header or presigned URL (`Signature=…`, `X-Amz-Signature=…`). */
const signaturePattern = /\b((?:X-Amz-)?Signature=)[0-9a-f]{16,}/gi;

/** XML elements of STS requests and answers that carry secrets. */
const secretElementPattern = /<(SecretAccessKey|SessionToken|TokenCode|WebIdentityToken|SAMLAssertion)>[^<]*<\/\1>/g;

/** JSON Web Tokens (OIDC ID tokens): header.payload[.signature], base64url. */
const jwtPattern = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(\.[A-Za-z0-9_-]*)?/g;

/** Long base64 runs: secret access keys are 40 such characters, session tokens hundreds. */
const longBase64Pattern = /[A-Za-z0-9+/]{38,}={0,2}/g;

/** A six-digit code right after a word that names it. */
const mfaCodePattern = /\b(code|mfa|otp|totp|passcode)(\W{1,3})\d{6}\b/gi;

function shortenAccessKeyId(keyId: string): string {
  return `${keyId.slice(0, 4)}…${keyId.slice(-4)}`;
}

function looksRandom(run: string): boolean {
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);
}

export function redactSecrets(line: string): string {
  return line
    .replace(secretElementPattern, (_match, element: string) => `<${element}>${redacted}</${element}>`)
    .replace(secretAssignmentPattern, (_match, name: string, separator: string) => `${name}${separator}${redacted}`)
    .replace(signaturePattern, (_match, name: string) => `${name}${redacted}`)
    .replace(jwtPattern, redacted)
    .replace(longBase64Pattern, (run) => (looksRandom(run) ? redacted : run))
    .replace(mfaCodePattern, (_match, word: string, separator: string) => `${word}${separator}${redacted}`)
    .replace(accessKeyIdPattern, shortenAccessKeyId);
}

export interface CallLogFields {
  operation: string;
  roleArn?: string;
  /** `ok`, or the error code of a failed call. */
  result: string;
  requestId?: string;
}

/** One log line for an STS call, built only from fields that are safe to show. */
export function formatCallLog(fields: CallLogFields): string {
  const parts = [`STS ${fields.operation}`];
  if (fields.roleArn) {
    parts.push(fields.roleArn);
  }
  parts.push(`→ ${fields.result}`);
  if (fields.requestId) {
    parts.push(`(request ${fields.requestId})`);
  }
  return redactSecrets(parts.join(' '));
}

// ARN text → its six parts. `arn:partition:service:region:account:resource`; the resource part
// may itself hold colons. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
// The one ARN splitter of the engine, the linter and the hovers.
export const ARN_PARTS = 6;

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Up to `parts` colon-separated parts; the last keeps any further colons. */
export function splitArn(value: string, parts: number = ARN_PARTS): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < parts - 1) {
    const colon = value.indexOf(':', start);
    if (colon < 0) break;
    out.push(value.slice(start, colon));
    start = colon + 1;
  }
  out.push(value.slice(start));
  return out;
}

/** Splits an ARN into its parts; undefined when it has fewer than six or does not start with `arn`. */
export function parseArn(text: string): ArnParts | undefined {
  const parts = splitArn(text);
  if (parts.length < ARN_PARTS || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5] };
}

/** The account part of an ARN, when it is a 12-digit account. */
export function arnAccount(value: string): string | undefined {
  const parts = splitArn(value);
  return parts.length === ARN_PARTS && parts[0] === 'arn' && isAccountId(parts[4]) ? parts[4] : undefined;
}

export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

export function isAccountId(text: string): boolean {
  if (text.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Region codes look like `us-east-1`, `ap-southeast-2`, `us-gov-west-1`, `eusc-de-east-1`. */
export function looksLikeRegion(text: string): boolean {
  const parts = text.split('-');
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1];
  if (last.length === 0 || ![...last].every((c) => c >= '0' && c <= '9')) return false;
  return parts.slice(0, -1).every((p) => p.length > 0 && [...p].every((c) => c >= 'a' && c <= 'z'));
}

// ARN text → its six parts. `arn:partition:service:region:account:resource`; the resource part
// may itself hold colons. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its parts; undefined when it has fewer than six. */
export function parseArn(text: string): ArnParts | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return undefined;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  if (parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: text.slice(start) };
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

// Concrete resource ARNs standing for what a Resource pattern (or a reference ARN template)
// covers, for asking the engine about "any" resource. Each wildcard is filled in two unlike
// ways (different text, length, Region, account): a Deny that matches both samples almost
// surely covers the whole pattern, and one written for a narrower set (`bucket/tmp/*`, one
// Region) misses at least one of them. The partition stays `aws`, the caller's: no principal
// reaches resources of another partition.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
import { splitArn, ARN_PARTS } from '../../iam/arn';

export interface SampleVariant {
  partition: string;
  region: string;
  /** The account a wildcard account part becomes. */
  account: string;
  /** What a `*` (or a `${Name}` of a template) becomes inside other text. */
  text: string;
  /** What a `?` becomes. */
  char: string;
}

export const SAMPLE_ACCOUNT = '123456789012';

export const SAMPLE_VARIANTS: readonly SampleVariant[] = [
  { partition: 'aws', region: 'us-east-1', account: SAMPLE_ACCOUNT, text: 'iam-sts-studio-sample', char: 'a' },
  { partition: 'aws', region: 'eu-west-3', account: '210987654321', text: 'Z9', char: 'Q' },
];

/**
 * A Resource pattern of a policy made concrete; undefined when it is no ARN of six parts or
 * holds policy variables (their value depends on the caller, which the sample cannot know).
 */
export function sampleFromPattern(pattern: string, variant: SampleVariant): string | undefined {
  if (pattern.includes('${')) return undefined;
  const parts = splitArn(pattern);
  if (parts.length !== ARN_PARTS || parts[0] !== 'arn') return undefined;
  return parts.map((p, i) => fillPart(p, i, variant, false)).join(':');
}

/** A reference ARN template (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) made concrete. */
export function sampleFromTemplate(template: string, variant: SampleVariant): string | undefined {
  const parts = splitArn(template);
  if (parts.length !== ARN_PARTS) return undefined;
  return parts.map((p, i) => fillPart(p, i, variant, true)).join(':');
}

function fillPart(part: string, index: number, v: SampleVariant, template: boolean): string {
  const whole = template ? /^\$\{[^}]*\}$/.test(part) : /^\*+$/.test(part);
  if (whole) {
    if (index === 1) return v.partition;
    if (index === 3) return v.region;
    if (index === 4) return v.account;
  }
  if (template) return part.replace(/\$\{[^}]*\}/g, v.text);
  let out = '';
  for (const c of part) out += c === '*' ? v.text : c === '?' ? v.char : c;
  return out;
}

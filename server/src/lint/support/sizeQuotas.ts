// Size quotas per document kind.
// IAM: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (white space not counted;
//   managed policy 6,144; role trust policy 2,048 by default, raisable to 4,096; session policy 2,048).
// Organizations: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
//   (SCP and RCP 5,120 characters; every character counts when saved through the API).
import { sizeWithoutWhitespace } from './policySize';

/**
 * Access Analyzer's identity policy threshold: 10,240 characters without whitespace, the largest
 * identity policy IAM stores (a role's inline policies together). A customer managed policy is
 * capped lower, at 6,144: MANAGED_POLICY_QUOTA, our own check.
 */
export const IDENTITY_POLICY_QUOTA = 10240;
export const MANAGED_POLICY_QUOTA = 6144;
export const ROLE_TRUST_POLICY_QUOTA = 2048;
export const SESSION_POLICY_QUOTA = 2048;
export const SCP_QUOTA = 5120;
export const RCP_QUOTA = 5120;

/** Resource policy quotas by service (bytes), from each service's quota page. */
export const RESOURCE_POLICY_QUOTAS: Readonly<Record<string, number>> = {
  s3: 20 * 1024, // https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html
  sqs: 8192, // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html
  sns: 30 * 1024, // https://docs.aws.amazon.com/general/latest/gr/sns.html
  kms: 32 * 1024, // https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html
  secretsmanager: 20480, // https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html
  lambda: 20 * 1024, // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
  ecr: 10240, // https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html
};

export { sizeWithoutWhitespace };

/** Bytes of the text as sent: the resource policy quotas are byte counts of the document. */
export function byteSize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `6144` → `6,144`, without Intl (whose first use costs tens of milliseconds). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

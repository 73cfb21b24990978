// Why each finding that remains on AWS's own managed policies is right, code by code, as reviewed
// against the policies that carry it (bench/lint/corpus.ts prints them beside the figures). A code
// missing here is one nobody has reviewed yet, and the benchmark says so.
export const REVIEWED: Readonly<Record<string, string>> = {
  // ERROR
  MISSING_QUALIFIER: 'events:detail-type is multivalued and compared with plain StringEquals; Access Analyzer reports MISSING_QUALIFIER on the same policies',
  INVALID_SERVICE_CONDITION_KEY: 'lakeformation:GlueARN is no Lake Formation key (Access Analyzer reports it too)',
  INVALID_ACTION: 's3:ListBuckets is no S3 action (one edit from s3:ListBucket; the API ListBuckets is authorized by s3:ListAllMyBuckets)',
  // SECURITY_WARNING
  PASS_ROLE_WITH_STAR_IN_RESOURCE: 'iam:PassRole on "*" with no iam:PassedToService condition at all',
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: 'iam:* or iam:Pass* on "*" without iam:PassedToService',
  STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: 'an ARN-typed key compared with StringLike instead of ArnLike',
  // WARNING
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: 'over 10,240 characters without whitespace, Access Analyzer\'s threshold',
  CREATE_SLR_WITH_STAR_IN_RESOURCE: 'iam:CreateServiceLinkedRole on "*" without iam:AWSServiceName',
  CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE: 'iam:* on "*" covers iam:CreateServiceLinkedRole for every service',
  TYPE_MISMATCH: 'a value that does not fit the key\'s type for its operator',
  UNKNOWN_SERVICE_IN_ACTION: 'retired services (zocalo, deepracer, deeplens, mobilehub, iot1click, iotroborunner, sumerian, elastic-inference, …) the shipped reference no longer lists: a warning, not an error',
  UNKNOWN_ACTION: 'actions the shipped reference does not list and that are no typo (route53-recovery-control-config:DescribeRoutingControlByName, newer securityagent and payments actions, retired cloudhsm v1 actions)',
  UNKNOWN_SERVICE: 'condition keys of retired deepracer',
  // SUGGESTION
  POLICY_SIZE_EXCEEDS_MANAGED_POLICY_QUOTA: 'between 6,144 and 10,240 characters: too large for a customer managed policy (AWS managed policies are exempt)',
  EQUIVALENT_TO_NULL_FALSE: 'a condition that only says the key is present',
  REDUNDANT_ACTION: 'an action already covered by a wildcard in the same list',
  REDUNDANT_RESOURCE: 'a resource already covered by another in the same list',
};

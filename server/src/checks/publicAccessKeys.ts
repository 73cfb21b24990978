// Which resource types the public-access check knows, the service whose actions matter for
// each, and the condition keys that say who the caller is (so a `"Principal": "*"` statement
// that fixes one of them is not public).
//
// The keys follow IAM Access Analyzer's own list: the `condition.*` filter keys of its findings
// are the keys it reports as limiting an external principal's access
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-filter-keys.html),
// and Amazon S3's definition of a non-public policy names the same keys with a fixed value
// (no wildcard, no policy variable), plus a fixed set of CIDRs in aws:SourceIp
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status).
// Keys that do not say who (aws:SecureTransport, aws:RequestedRegion, aws:CurrentTime,
// kms:ViaService, s3:prefix …) limit nothing: anyone may meet them.

export interface PublicResourceType {
  /** Service prefixes whose actions the resource policy controls. */
  services: string[];
  /** Keys that limit the caller for this type only, lower case. */
  extraKeys: string[];
  /** Trust policies: federated identity providers anyone can sign in to. */
  trust?: boolean;
}

export const PUBLIC_RESOURCE_TYPES: Record<string, PublicResourceType> = {
  'AWS::S3::Bucket': { services: ['s3'], extraKeys: ['s3:dataaccesspointaccount', 's3:dataaccesspointarn', 's3:x-amz-server-side-encryption-aws-kms-key-id'] },
  'AWS::S3::AccessPoint': { services: ['s3'], extraKeys: ['s3:dataaccesspointaccount', 's3:dataaccesspointarn'] },
  'AWS::S3::MultiRegionAccessPoint': { services: ['s3'], extraKeys: [] },
  'AWS::S3Express::DirectoryBucket': { services: ['s3express'], extraKeys: [] },
  'AWS::S3Express::AccessPoint': { services: ['s3express'], extraKeys: [] },
  'AWS::S3Tables::TableBucket': { services: ['s3tables'], extraKeys: [] },
  'AWS::S3Tables::Table': { services: ['s3tables'], extraKeys: [] },
  'AWS::KMS::Key': { services: ['kms'], extraKeys: ['kms:calleraccount'] },
  'AWS::SQS::Queue': { services: ['sqs'], extraKeys: [] },
  'AWS::SNS::Topic': { services: ['sns'], extraKeys: [] },
  'AWS::Lambda::Function': { services: ['lambda'], extraKeys: [] },
  'AWS::Lambda::LayerVersion': { services: ['lambda'], extraKeys: [] },
  'AWS::SecretsManager::Secret': { services: ['secretsmanager'], extraKeys: [] },
  'AWS::ECR::Repository': { services: ['ecr'], extraKeys: [] },
  'AWS::EFS::FileSystem': { services: ['elasticfilesystem'], extraKeys: [] },
  'AWS::DynamoDB::Table': { services: ['dynamodb'], extraKeys: [] },
  'AWS::DynamoDB::Stream': { services: ['dynamodb'], extraKeys: [] },
  'AWS::Kinesis::Stream': { services: ['kinesis'], extraKeys: [] },
  'AWS::Kinesis::StreamConsumer': { services: ['kinesis'], extraKeys: [] },
  'AWS::OpenSearchService::Domain': { services: ['es'], extraKeys: [] },
  'AWS::Glacier::Vault': { services: ['glacier'], extraKeys: [] },
  'AWS::CodeArtifact::Domain': { services: ['codeartifact'], extraKeys: [] },
  'AWS::Backup::BackupVault': { services: ['backup'], extraKeys: [] },
  'AWS::CloudTrail::Dashboard': { services: ['cloudtrail'], extraKeys: [] },
  'AWS::CloudTrail::EventDataStore': { services: ['cloudtrail'], extraKeys: [] },
  'AWS::IAM::AssumeRolePolicyDocument': { services: ['sts'], extraKeys: [], trust: true },
};

/** Keys that say who calls, for every resource type (lower case). */
export const CALLER_LIMITING_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcevpcarn',
  'aws:sourceip',
  'aws:vpceaccount',
  'aws:vpceorgid',
  'aws:vpceorgpaths',
  'kms:calleraccount',
]);

/** Keys whose value is an ARN: fixed enough when the ARN's account is a literal account ID. */
export const ARN_VALUED_KEYS: ReadonlySet<string> = new Set(['aws:principalarn', 'aws:sourcearn', 'aws:sourcevpcarn', 's3:dataaccesspointarn']);

/**
 * Public web identity providers: anyone can get a token from them, so a trust policy that
 * federates them is public unless it pins the audience (the app or identity pool).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
export const PUBLIC_IDENTITY_PROVIDERS: Record<string, string[]> = {
  'cognito-identity.amazonaws.com': ['cognito-identity.amazonaws.com:aud'],
  'accounts.google.com': ['accounts.google.com:aud', 'accounts.google.com:oaud'],
  'graph.facebook.com': ['graph.facebook.com:app_id'],
  'www.amazon.com': ['www.amazon.com:app_id'],
};

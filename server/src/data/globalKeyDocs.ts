// Short descriptions of the `aws:` global condition keys, which iam-data leaves empty. Written
// for this project from the AWS global condition context keys page:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html

/** Key (as AWS writes it; `/${TagKey}` marks a tag key suffix) → one-line description. */
export const GLOBAL_KEY_DOCS: Readonly<Record<string, string>> = {
  'aws:PrincipalArn': 'ARN of the principal that made the request (for a role session, the role ARN, not the session ARN).',
  'aws:PrincipalAccount': 'Account ID of the principal that made the request.',
  'aws:PrincipalOrgPaths': 'AWS Organizations path (org ID / root / OUs) of the account of the requesting principal.',
  'aws:PrincipalOrgMasterAccountId': 'Account ID of the management (formerly master) account of the requesting principal\'s organization; not in the reference, accepted by IAM.',
  'aws:PrincipalOrgID': 'ID of the organization that the requesting principal\'s account belongs to.',
  'aws:PrincipalTag/${TagKey}': 'Value of the given tag attached to the requesting principal (user or role), or passed as a session tag.',
  'aws:PrincipalIsAWSService': 'Whether the request is made by an AWS service principal (such as cloudtrail.amazonaws.com) with its own credentials.',
  'aws:PrincipalServiceName': 'Service principal name of the AWS service making the request (present only for service principals).',
  'aws:PrincipalServiceNamesList': 'All service principal names of the service making the request (multivalued).',
  'aws:PrincipalType': 'Type of the requesting principal: Account, User, FederatedUser, AssumedRole or Anonymous.',
  'aws:userid': 'Unique ID of the requesting principal (for role sessions, ROLEID:SESSIONNAME).',
  'aws:username': 'User name of the requesting IAM user (absent for roles and federated users).',
  'aws:AssumedRoot': 'Whether the request uses a root session obtained with sts:AssumeRoot (centralized root access).',
  'aws:FederatedProvider': 'The identity provider that issued the credentials of a web identity or SAML federated session.',
  'aws:TokenIssueTime': 'Date and time the temporary credentials used in the request were issued.',
  'aws:MultiFactorAuthAge': 'Seconds since the requester authenticated with MFA; absent when the credentials were not obtained with MFA.',
  'aws:MultiFactorAuthPresent': 'Whether the temporary credentials were obtained with MFA; absent for requests signed with long-term access keys.',
  'aws:ChatbotSourceArn': 'ARN of the chat channel configuration that a request made through AWS Chatbot came from.',
  'aws:Ec2InstanceSourceVpc': 'VPC ID of the EC2 instance whose role credentials signed the request.',
  'aws:Ec2InstanceSourcePrivateIPv4': 'Primary private IPv4 address of the EC2 instance whose role credentials signed the request.',
  'aws:SourceIdentity': 'Source identity set by the principal when it assumed the role, carried through role chaining.',
  'aws:SourceIp': 'Public IP address of the requester; absent for requests through a VPC endpoint (use aws:VpcSourceIp there).',
  'aws:SourceVpc': 'ID of the VPC a request came from through a VPC endpoint.',
  'aws:SourceVpcArn': 'ARN of the VPC a request came from through a VPC endpoint.',
  'aws:SourceVpce': 'ID of the VPC endpoint a request came through.',
  'aws:VpceAccount': 'Account ID that owns the VPC endpoint a request came through.',
  'aws:VpceOrgPaths': 'Organizations path of the account that owns the VPC endpoint a request came through.',
  'aws:VpceOrgID': 'Organization ID of the account that owns the VPC endpoint a request came through.',
  'aws:VpcSourceIp': 'IP address a request came from inside a VPC, through a VPC endpoint.',
  'aws:ResourceAccount': 'Account ID that owns the resource being accessed.',
  'aws:ResourceOrgID': 'Organization ID of the account that owns the resource being accessed.',
  'aws:ResourceOrgPaths': 'Organizations path of the account that owns the resource being accessed.',
  'aws:ResourceTag/${TagKey}': 'Value of the given tag on the resource being accessed.',
  'aws:CalledVia': 'Services that made the request on the principal\'s behalf, in order (multivalued; forward access sessions).',
  'aws:CalledViaFirst': 'First service in the aws:CalledVia chain.',
  'aws:CalledViaLast': 'Last service in the aws:CalledVia chain (the one that made the request).',
  'aws:CalledViaAWSMCP': 'The AWS-managed MCP server through which the request was made.',
  'aws:ViaAWSService': 'Whether an AWS service made the request on the principal\'s behalf with the principal\'s credentials.',
  'aws:ViaAWSMCPService': 'Whether the request was made through an AWS-managed MCP server.',
  'aws:CurrentTime': 'Date and time of the request (compare with Date operators).',
  'aws:EpochTime': 'Date and time of the request as epoch seconds or a date (compare with Date or Numeric operators).',
  'aws:referer': 'HTTP Referer header sent by the client; easy to forge, not a security control.',
  'aws:RequestedRegion': 'AWS Region the request was made to (us-east-1 for global services).',
  'aws:RequestTag/${TagKey}': 'Value of the given tag passed in the request (when tagging or creating a resource).',
  'aws:TagKeys': 'Tag keys passed in the request (multivalued: use ForAllValues or ForAnyValue).',
  'aws:SecureTransport': 'Whether the request was sent over TLS.',
  'aws:SourceArn': 'ARN of the resource on whose behalf a service makes a service-to-service request (confused deputy guard).',
  'aws:SourceAccount': 'Account ID of the resource on whose behalf a service makes a service-to-service request.',
  'aws:SourceOwner': 'Account ID that owns the source resource (older form of aws:SourceAccount used by some services).',
  'aws:SourceOrgPaths': 'Organizations path of the account of the source resource in a service-to-service request.',
  'aws:SourceOrgID': 'Organization ID of the account of the source resource in a service-to-service request.',
  'aws:UserAgent': 'HTTP User-Agent of the client; easy to forge, not a security control.',
  'aws:IsMcpServiceAction': 'Whether the action is being performed through an MCP service.',
};

const EXACT = new Map(Object.entries(GLOBAL_KEY_DOCS).map(([k, v]) => [k.toLowerCase(), v]));
const TAG_PREFIXES = Object.entries(GLOBAL_KEY_DOCS)
  .filter(([k]) => k.endsWith('/${TagKey}'))
  .map(([k, v]) => [k.slice(0, -'${TagKey}'.length).toLowerCase(), v] as const);

/** Description of an `aws:` key as written in a policy (case-insensitive; tag keys by prefix). */
export function globalKeyDescription(key: string): string | undefined {
  const lower = key.toLowerCase();
  const exact = EXACT.get(lower);
  if (exact) return exact;
  for (const [prefix, description] of TAG_PREFIXES) if (lower.startsWith(prefix) && lower.length > prefix.length) return description;
  return undefined;
}

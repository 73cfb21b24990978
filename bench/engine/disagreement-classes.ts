// Why our engine and the oracle decide a request differently, class by class. Each class names
// the AWS page that decides it and which side follows that page; a disagreement no class
// explains is listed as "to review" until someone reads the statement and the page.
export type Verdict = 'ours follows the page' | 'harness artifact' | 'to review';

export interface DisagreementClass {
  title: string;
  page: string;
  verdict: Verdict;
}

/** What a class looks at: the request, the policy text, and for case-file rows the case itself. */
export interface Disagreement {
  file: string;
  action: string;
  resource: string;
  policyText: string;
  /** The case of a case file (test/fixtures/engine), when the row comes from one. */
  fixtureCase?: Record<string, any>;
}

interface Rule extends DisagreementClass {
  applies(d: Disagreement): boolean;
}

const conditionKeys = (d: Disagreement): string[] =>
  d.fixtureCase && 'condition' in d.fixtureCase ? Object.values(d.fixtureCase.condition as Record<string, Record<string, unknown>>).flatMap((o) => Object.keys(o)) : [];

const RULES: readonly Rule[] = [
  {
    title: 'AWS-protected resources: AWS refuses changes to AWS managed policies, service-linked roles and alias/aws/ KMS aliases whatever the policies say; the oracle evaluates the policies only',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html',
    verdict: 'ours follows the page',
    applies: (d) =>
      d.file.endsWith('aws-protected-resources.json') ||
      /^arn:[^:]+:iam::[^:]*:role\/aws-service-role\//.test(d.resource) ||
      /^arn:[^:]+:iam::aws:policy\//.test(d.resource) ||
      /^arn:[^:]+:kms:[^:]*:[^:]*:alias\/aws\//.test(d.resource),
  },
  {
    title: "Identity-provider keys (token.actions.githubusercontent.com:aud, :sub …) that AWS sets from the web identity token: the oracle drops keys it does not know from the request context, so its conditions on them fail as missing",
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif',
    verdict: 'harness artifact',
    applies: (d) => /:(aud|sub|amr)"/.test(d.policyText) && /AssumeRoleWithWebIdentity/i.test(d.action),
  },
  {
    title: 'SCPs bind IAM principals of member accounts: the member root user is allowed when the SCPs allow, and a web identity caller is no IAM principal; the oracle denies both',
    page: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
    verdict: 'ours follows the page',
    applies: (d) => d.file.endsWith('scp.json'),
  },
  {
    title: 'GetFederationToken sessions: no IAM or STS calls (but GetCallerIdentity), and no permissions without a session policy; the oracle has no notion of the federated-user session',
    page: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
    verdict: 'ours follows the page',
    applies: (d) => /GetFederationToken|federated user session/i.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: "The role's trust policy must allow sts:AssumeRole*, and sts:TagSession / sts:SetSourceIdentity when tags or a source identity are passed; the oracle allows on an identity policy alone and does not check the implied permissions",
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required',
    verdict: 'ours follows the page',
    applies: (d) => /^sts:(AssumeRole|TagSession|SetSourceIdentity)/i.test(d.action) && !d.file.includes('seed-examples'),
  },
  {
    title: 'The case files test operators with one fixed s3:GetObject request; keys that action does not carry (s3:prefix, s3:max-keys, aws:TagKeys, aws:ResourceTag/… on an object) are dropped by the oracle, as a real GetObject request context would not hold them',
    page: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html',
    verdict: 'harness artifact',
    applies: (d) => conditionKeys(d).some((k) => !k.toLowerCase().startsWith('aws:') || /^aws:(tagkeys|resourcetag\/)/i.test(k)),
  },
  {
    title: 'NotPrincipal: a Deny applies to every caller whose identities AWS checks (a user and its account; a session, its role and its account) are not all listed; the oracle decides these callers differently',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
    verdict: 'ours follows the page',
    applies: (d) => d.policyText.includes('NotPrincipal'),
  },
  {
    title: 'Policy variables are literal text in a 2008-10-17 policy (and in a policy without Version)',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
    verdict: 'ours follows the page',
    applies: (d) => /2008-10-17|without Version/.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: 'A resource policy that names the session ARN is not limited by the session policy',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session',
    verdict: 'ours follows the page',
    applies: (d) => /session ARN ignores the session policy/.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: 'A "*" that ends an ARN segment matches beyond colon boundaries',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards',
    verdict: 'ours follows the page',
    applies: (d) => /runs past several colons/.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: 'aws:ResourceAccount: ours fills the key from the resource account of the request, as AWS does for every resource with an owning account; the oracle leaves it absent',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount',
    verdict: 'ours follows the page',
    applies: (d) => !d.fixtureCase && d.policyText.includes('aws:ResourceAccount'),
  },
  {
    title: 'AssumeRole with only an identity policy: the role trust policy must always allow the caller; the oracle allows',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html',
    verdict: 'ours follows the page',
    applies: (d) => !d.fixtureCase && /^sts:AssumeRole/i.test(d.action),
  },
  {
    title: 'Request resource "*" standing for a pattern the bench could not make concrete (a variable, a wildcard): the oracle answers "could any resource match?", ours evaluates the literal request',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
    verdict: 'harness artifact',
    applies: (d) => !d.fixtureCase && d.resource === '*',
  },
  {
    title: 'IfExists may end any condition operator except Null: "NullIfExists" is no operator, and a condition using it never matches',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
    verdict: 'ours follows the page',
    applies: (d) => /NullIfExists/.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: 'Date operators take ISO 8601 dates or epoch seconds on either side, aws:EpochTime included',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date',
    verdict: 'ours follows the page',
    applies: (d) => d.file.endsWith('conditions-date.json') && /epoch/i.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: 'IpAddress takes CIDR ranges of any prefix length: 0.0.0.0/0 holds every IPv4 address',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress',
    verdict: 'ours follows the page',
    applies: (d) => /\/0 matches every IPv4/.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    // The page asks for addresses "in the standard CIDR format"; an IPv6 address's standard text
    // may end in dotted IPv4 form for its low 32 bits (RFC 4291 section 2.2, form 3:
    // https://www.rfc-editor.org/rfc/rfc4291#section-2.2). The oracle reads the dotted part as one
    // hex group, so it computes another address. Whether AWS also matches a mapped address against
    // an IPv4 range, no page says: no case asserts it.
    title: 'IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) are IPv6 addresses whose low 32 bits are written in dotted form (RFC 4291 section 2.2); the oracle misreads the dotted part',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress',
    verdict: 'ours follows the page',
    applies: (d) => d.file.endsWith('conditions-ip.json') && /:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.test(JSON.stringify(d.fixtureCase ?? {})),
  },
  {
    title: 'aws:userid of the account root user is the account ID',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-userid',
    verdict: 'ours follows the page',
    applies: (d) => /aws:userid of the root user/.test(String(d.fixtureCase?.name ?? '')),
  },
  {
    title: 'Policy variables may stand in any part of a Resource ARN, the account part included',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
    verdict: 'ours follows the page',
    applies: (d) => /principal account variable in the account part/.test(String(d.fixtureCase?.name ?? '')),
  },
];

const TO_REVIEW: DisagreementClass = {
  title: 'not yet explained: read the statement and the AWS page the case cites, then decide',
  page: '',
  verdict: 'to review',
};

export function classify(d: Disagreement): DisagreementClass {
  const rule = RULES.find((r) => r.applies(d));
  if (rule) return { title: rule.title, page: rule.page, verdict: rule.verdict };
  return { ...TO_REVIEW, page: String(d.fixtureCase?.source ?? '') };
}

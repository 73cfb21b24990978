// Where a finding's code is explained: Access Analyzer's reference page for its codes, this
// project's README for ours.
import { LINT_RULES } from './registry';
import type { FindingType } from './types';

export const ACCESS_ANALYZER_REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';

/**
 * Checks Access Analyzer does not have, with a one-line description each and the AWS page on the
 * risk. The README documents them too, each under an anchor `check-<code in lower case>`.
 */
export const OUR_CHECKS: Readonly<Record<string, { type: FindingType; description: string; reference: string }>> = {
  MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
    type: 'SECURITY_WARNING',
    description: 'A trust policy lets an account that is not yours assume the role without an sts:ExternalId (or organization) condition.',
  },
  MISSING_MFA_FOR_HUMAN_PRINCIPAL: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html',
    type: 'SECURITY_WARNING',
    description: 'A trust policy lets an IAM user or a whole account assume the role without requiring MFA.',
  },
  MISSING_AUDIENCE_FOR_SAML_PRINCIPAL: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html',
    type: 'SECURITY_WARNING',
    description: 'A trust policy allows sts:AssumeRoleWithSAML without a SAML:aud condition.',
  },
  RESOURCE_POLICY_GRANTS_PUBLIC_ACCESS: {
    reference: 'https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html',
    type: 'SECURITY_WARNING',
    description: 'A resource or trust policy lets anonymous callers or any AWS principal in, with no condition that fixes who (as Access Analyzer\'s CheckNoPublicAccess).',
  },
  WILDCARD_PRINCIPAL_WITHOUT_CONDITION: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    type: 'SECURITY_WARNING',
    description: 'An Allow names every principal ("*") and no condition narrows who (account, organization, source).',
  },
  SESSION_POLICY_SIZE_EXCEEDS_QUOTA: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session', type: 'ERROR', description: 'A session policy is over the 2,048 characters STS accepts.' },
  POLICY_SIZE_EXCEEDS_RCP_QUOTA: {
    reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html', type: 'ERROR', description: 'A resource control policy is over the 5,120 characters Organizations accepts.' },
  RCP_SYNTAX_ERROR_PRINCIPAL: {
    reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html', type: 'ERROR', description: 'An RCP names a principal other than "*", or uses NotPrincipal.' },
  RCP_SYNTAX_ERROR_NOT_ACTION: {
    reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html', type: 'ERROR', description: 'An RCP uses NotAction, which RCPs do not support.' },
  RCP_SYNTAX_ERROR_ALLOW: {
    reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html', type: 'ERROR', description: 'An RCP statement uses Allow, which only the AWS-managed RCPFullAWSAccess may.' },
  RCP_UNSUPPORTED_SERVICE: {
    reference: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html', type: 'WARNING', description: 'An RCP names an action of a service that RCPs do not apply to.' },
  ALLOW_SHADOWED_BY_DENY: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html',
    type: 'WARNING',
    description: 'A Deny in the same policy refuses every request an Allow statement grants, so the Allow grants nothing.',
  },
  POLICY_SIZE_EXCEEDS_MANAGED_POLICY_QUOTA: {
    reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length',
    type: 'SUGGESTION',
    description: 'An identity policy is over the 6,144 characters of a customer managed policy, though within the 10,240 of an inline one.',
  },
  UNKNOWN_SERVICE_IN_ACTION: {
    reference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    type: 'WARNING',
    description: 'An action names a service the shipped Service Authorization Reference does not list and that is no typo of one it does: retired, or newer than the data.',
  },
  UNKNOWN_ACTION: {
    reference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    type: 'WARNING',
    description: 'An action (or pattern) of a listed service is not in the shipped reference and is no typo of one that is: retired, or newer than the data.',
  },
  UNKNOWN_SERVICE: {
    reference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    type: 'WARNING',
    description: 'A condition key names a service the shipped reference does not list and that is no typo of one it does.',
  },
  ACTIONS_AND_RESOURCES_NEVER_MATCH: {
    reference: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    type: 'WARNING',
    description: 'No action of a statement is ever authorized against any of its resources (per the Service Authorization Reference), so it never matches.',
  },
};

const TYPE_SLUGS: Record<FindingType, string> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security-warning',
  WARNING: 'general-warning',
  SUGGESTION: 'suggestion',
};

const TYPES_BY_CODE = new Map(LINT_RULES.map((r) => [r.code, r.type]));

/**
 * A link that explains `code`; undefined for codes the linter does not know. Our own checks link
 * to the AWS page on the risk they guard against (the project has no public home to link yet);
 * given a README URL, to that README's section instead.
 */
export function findingDocUrl(code: string, readme?: string): string | undefined {
  const ours = OUR_CHECKS[code];
  if (ours) return readme ? `${readme}#check-${code.toLowerCase()}` : ours.reference;
  const type = TYPES_BY_CODE.get(code) ?? (code === 'JSON_SYNTAX_ERROR' ? 'ERROR' : undefined);
  if (!type) return undefined;
  // Access Analyzer's anchors are the finding type and the check title in kebab case.
  return `${ACCESS_ANALYZER_REFERENCE}#access-analyzer-reference-policy-checks-${TYPE_SLUGS[type]}-${code.toLowerCase().replace(/_/g, '-')}`;
}

// Public types of the evaluation engine: what a request is, which policies apply, and the
// decision with its explanation. Everything here is plain data (no JSON nodes), so a result
// can cross the LSP wire or be printed by the CLI as is.
import type { OffsetRange, PolicyModel } from '../policy/model';

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export const DECISIONS: readonly Decision[] = ['allowed', 'explicitDeny', 'implicitDeny'];

export type ContextValue = string | string[];

/** The STS operation that issued the caller's credentials. */
export type CredentialIssuer =
  | 'AssumeRole'
  | 'AssumeRoleWithWebIdentity'
  | 'AssumeRoleWithSAML'
  | 'GetSessionToken'
  | 'GetFederationToken';

/** Facts about the caller's credentials; absent means long-term credentials. */
export interface CredentialFacts {
  issuedBy?: CredentialIssuer;
  /** Whether MFA was used to obtain the credentials (aws:MultiFactorAuthPresent). */
  mfa?: boolean;
  /** ISO 8601 time the credentials were issued (aws:TokenIssueTime). */
  issuedAt?: string;
  /** ISO 8601 time of the MFA authentication (aws:MultiFactorAuthAge is derived from it). */
  mfaAuthenticatedAt?: string;
  /** Full role ARN (with path) for an assumed-role session; its session ARN omits the path. */
  roleArn?: string;
  /** The principal's unique ID (AIDA…, AROA…), used for aws:userid and Principal matching. */
  uniqueId?: string;
}

export interface EvaluationRequest {
  /** Caller: an IAM or STS ARN, a service principal (`ec2.amazonaws.com`), an OIDC/SAML provider ARN or `*` (anonymous). */
  principal: string;
  action: string;
  resource: string;
  /** Account that owns the resource; defaults to the resource ARN's account, else the principal's. */
  resourceAccount?: string;
  /** Request context. Keys are case-insensitive; keys given here win over implied ones. */
  context?: Record<string, ContextValue>;
  credentials?: CredentialFacts;
}

/** A policy with an optional label shown in explanations (e.g. its file name). */
export interface LabeledPolicy {
  model: PolicyModel;
  label: string;
}

export type PolicyInput = PolicyModel | LabeledPolicy;

export interface PolicySet {
  identity?: PolicyInput[];
  /** The resource's policy; for `sts:AssumeRole*` the role's trust policy. */
  resource?: PolicyInput;
  boundary?: PolicyInput;
  session?: PolicyInput;
  /** One list per organisation level, root first. Undefined: the account is in no organisation. */
  scp?: PolicyInput[][];
  /** One list per organisation level, root first. RCPFullAWSAccess is implied at every level. */
  rcp?: PolicyInput[][];
}

export interface EvaluationOptions {
  /** The clock; defaults to the current time. */
  now?: Date;
  /** SCPs and RCPs never apply to the organisation's management account. */
  managementAccountId?: string;
  /**
   * False: decide without explaining every statement, for bulk evaluation. The result keeps the
   * decision, its summary and `decidedBy`; each policy's `statements` lists only the statements
   * that applied, and `context` is left empty. Defaults to true.
   */
  explain?: boolean;
}

export type PolicyType = 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';

/** Which policy a statement came from: `index` within its list, `level` for SCP/RCP. */
export interface PolicyRef {
  type: PolicyType;
  index: number;
  level?: number;
  label: string;
}

export interface ValueRef {
  value: string;
  range: OffsetRange;
}

export interface ElementMatch {
  matches: boolean;
  /** Which element decided it; `absent` when the statement has neither form. */
  element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'absent' | 'implied';
  /** Values of the element that matched the request. */
  matched: ValueRef[];
  note?: string;
}

/** How a resource policy's Principal named the caller. */
export type PrincipalMatchKind =
  | 'wildcard'
  | 'account'
  | 'user'
  | 'role'
  | 'roleSession'
  | 'federatedUser'
  | 'root'
  | 'uniqueId'
  | 'service'
  | 'federated';

export interface PrincipalMatch extends ElementMatch {
  /** Set when the statement names the caller; for NotPrincipal, how the caller escaped it. */
  kind?: PrincipalMatchKind;
}

export interface ConditionExplanation {
  operator: string;
  key: string;
  /** From the operator to the end of its values. */
  range: OffsetRange;
  matches: boolean;
  keyPresent: boolean;
  requestValues: string[];
  /** Policy values that matched a request value. */
  matchedValues: ValueRef[];
  /** Variables that had no value (their policy values cannot match). */
  unresolvedVariables?: string[];
  note?: string;
}

export interface StatementExplanation {
  policy: PolicyRef;
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny' | 'invalid';
  range: OffsetRange;
  /** Action, resource, principal and every condition matched. */
  applies: boolean;
  action: ElementMatch;
  resource: ElementMatch;
  /** Only for resource policies. */
  principal?: PrincipalMatch;
  conditions: ConditionExplanation[];
  conditionsMatch: boolean;
}

export interface PolicyExplanation {
  ref: PolicyRef;
  range: OffsetRange;
  /** Whether the policy took part in this decision (an SCP does not bind the management account …). */
  applicable: boolean;
  /** Why it did not, when it did not. */
  note?: string;
  allows: boolean;
  denies: boolean;
  statements: StatementExplanation[];
}

export interface StatementRef {
  policy: PolicyRef;
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  range: OffsetRange;
}

export interface RelatedDecision {
  /** E.g. `sts:TagSession` when an AssumeRole request passes session tags. */
  action: string;
  reason: string;
  decision: Decision;
  explanation: Explanation;
}

export interface Explanation {
  /** One line for people. */
  summary: string;
  decidedBy: StatementRef[];
  /** The policy whose missing Allow caused an implicit deny. */
  missingAllow?: PolicyRef;
  policies: PolicyExplanation[];
  /** Facts and rules that shaped the decision, in the order they were applied. */
  notes: string[];
  crossAccount: boolean;
  principalAccount?: string;
  resourceAccount?: string;
  /** The request context after implied keys were added. */
  context: Record<string, string[]>;
  related: RelatedDecision[];
}

export interface EvaluationResult {
  decision: Decision;
  explanation: Explanation;
}

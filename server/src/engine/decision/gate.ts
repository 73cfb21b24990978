// A gate is one rule of AWS's evaluation logic: it either decides the request or passes it on
// to the next gate. `evaluateRequest` runs the gates of `gates/index.ts` in order, so a rule is
// added as a gate of its own, with the AWS page it follows.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
import type { CallerIdentity } from '../principal/request-principal';
import type { RequestContext } from '../context/request-context';
import type { CredentialIssuer, Decision, EvaluationRequest, PolicyExplanation, PolicyRef, StatementExplanation } from '../types';

export interface RequestEvaluationOptions {
  now: Date;
  managementAccountId?: string;
  /** The resource policy is a role trust policy: it must allow on its own terms. */
  trustGoverned: boolean;
  /** Evaluating a permission checked inside another call (sts:TagSession during AssumeRole). */
  implied: boolean;
  /** False: policies list only their applying statements, and the context is not copied out. */
  explain: boolean;
}

/** A gate's final word on the request. */
export interface Verdict {
  decision: Decision;
  summary: string;
  decidedBy: StatementExplanation[];
  /** The policy whose missing Allow caused an implicit deny. */
  missingAllow?: PolicyRef;
}

export interface Gate {
  /** What the gate checks, as the explanation names it. */
  name: string;
  /** The AWS page that describes the rule. */
  doc: string;
  /** A verdict, or undefined to pass the request on to the next gate. */
  decide(state: GateState): Verdict | undefined;
}

/** The policies of one request, each already evaluated against it. */
export interface EvaluatedPolicies {
  scpLevels?: PolicyExplanation[][];
  rcpLevels?: PolicyExplanation[][];
  resource?: PolicyExplanation;
  identity: PolicyExplanation[];
  boundary?: PolicyExplanation;
  session?: PolicyExplanation;
}

/**
 * Everything a gate reads. Built once per request; gates only read it, except `notes`, which
 * they append to. Both modes (explained and decision-only) build the same applying statements,
 * so every gate decides the same way in both.
 */
export interface GateState {
  request: EvaluationRequest;
  options: RequestEvaluationOptions;
  caller: CallerIdentity;
  context: RequestContext;
  resourceAccount?: string;
  crossAccount: boolean;
  /** An IAM principal: identity policies, boundaries, session policies and SCPs can govern it. */
  iam: boolean;
  isRoot: boolean;
  issuer?: CredentialIssuer;
  /** Why SCPs or RCPs take no part, when they do not. */
  scpSkip?: string;
  rcpSkip?: string;
  /** The resource policy must allow on its own: a role's trust policy or a KMS key policy. */
  mustResourceAllow: boolean;
  /** 'trust policy', 'key policy' or 'resource policy'. */
  resourceWord: string;
  policies: EvaluatedPolicies;
  /** Every evaluated policy, in the order the explanation lists them. */
  all: PolicyExplanation[];
  notes: string[];
  /** Applying Allow statements of the resource policy. */
  resourceAllows: StatementExplanation[];
  resourceRef: PolicyRef;
  identityAllows: StatementExplanation[];
  identityOk: boolean;
  boundaryOk: boolean;
  sessionOk: boolean;
  /** Applying Allows of the boundary and session policy, which limit every grant. */
  limits: StatementExplanation[];
  /** Same account: resource-policy Allows that name the caller's role. */
  namedRole: StatementExplanation[];
}

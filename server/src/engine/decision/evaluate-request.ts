// The decision for one request, following AWS's evaluation order:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// 1. an applicable explicit Deny anywhere is final;
// 2. RCPs (resource side) and SCPs (principal side) need an Allow at every level;
// 3. same account: a resource policy naming the caller can allow on its own (naming a role
//    still leaves the boundary and session policy in force; naming the account delegates to
//    identity policies); otherwise identity ∩ boundary ∩ session;
// 4. cross-account: both sides must allow;
// 5. role trust policies and KMS key policies must always allow themselves.
import { arnAccount, splitArn } from '../arn/arn-pattern';
import { buildRequestContext } from '../context/request-context';
import { cachedCaller, isIamCaller } from '../principal/request-principal';
import type { PreparedRequest } from '../statement/evaluate-statement';
import type {
  Decision,
  EvaluationRequest,
  EvaluationResult,
  PolicyExplanation,
  PolicyInput,
  PolicyRef,
  PolicySet,
  PrincipalMatchKind,
  StatementExplanation,
  StatementRef,
} from '../types';
import { applyingStatements, defaultLabel, evaluatePolicy } from './evaluate-policy';
import { allowedByIdentitySummary, explicitDenySummary, policyName, principalKindWords, where } from './summary';
import { credentialIssuer, isAssumeRoleAction, isGetCallerIdentity, temporaryCredentialLimit } from './temporary-credentials';

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

/** Resource-policy principals that grant on their own in the same account. */
const DIRECT_GRANT: readonly PrincipalMatchKind[] = ['user', 'roleSession', 'federatedUser', 'wildcard', 'root', 'service', 'federated'];

export function evaluateRequest(request: EvaluationRequest, policies: PolicySet, options: RequestEvaluationOptions): EvaluationResult {
  const caller = cachedCaller(request.principal, request.credentials);
  const resourceParts = splitArn(request.resource);
  const resourceAccount = request.resourceAccount ?? arnAccount(request.resource) ?? caller.account;
  const context = buildRequestContext(request.context, caller, resourceAccount, request.credentials, options.now);
  const prepared: PreparedRequest = {
    action: request.action,
    lowerAction: request.action.toLowerCase(),
    resource: request.resource,
    resourceParts,
    caller,
    context,
  };
  const explain = options.explain;
  const crossAccount = caller.account !== undefined && resourceAccount !== undefined && caller.account !== resourceAccount;
  const iam = isIamCaller(caller);
  const isRoot = caller.kind === 'root';
  const trust = options.trustGoverned;
  // Every KMS key has a key policy, and access to a key is allowed only when that policy allows
  // it (directly, or by delegating to the account's IAM policies); an identity policy alone never
  // suffices. So a request on a key without a key policy in the simulation is denied.
  // https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html
  const kmsKeyPolicy = /^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(request.resource);
  const issuer = credentialIssuer(caller, request.credentials);
  const notes: string[] = [];
  const { action, resource } = request;

  // Which policies take part, and why not when they do not.
  const scpSkip = !iam
    ? 'SCPs limit IAM principals of member accounts; this caller is not one.'
    : caller.account !== undefined && caller.account === options.managementAccountId
      ? 'SCPs never limit the management account.'
      : caller.serviceLinkedRole
        ? 'SCPs never limit service-linked roles.'
        : undefined;
  const rcpSkip =
    resourceAccount !== undefined && resourceAccount === options.managementAccountId ? 'RCPs never limit resources in the management account.' : undefined;
  const principalSkip = !iam
    ? 'Identity policies, boundaries and session policies belong to IAM principals; this caller is not one.'
    : isRoot
      ? 'The root user has no identity policies: it holds every permission of its account.'
      : undefined;
  for (const skip of [policies.scp && scpSkip, policies.rcp && rcpSkip]) if (skip) notes.push(skip);

  const all: PolicyExplanation[] = [];
  const scpLevels = policies.scp && evaluateLevels(policies.scp, 'scp', prepared, scpSkip, explain, all);
  const rcpLevels = policies.rcp && evaluateLevels(policies.rcp, 'rcp', prepared, rcpSkip, explain, all);
  const resourcePolicy = policies.resource && evaluatePolicy(policies.resource, { type: 'resource', index: 0 }, trust, prepared, true, undefined, explain);
  if (resourcePolicy) all.push(resourcePolicy);
  const identity: PolicyExplanation[] = [];
  const identityInputs = policies.identity ?? [];
  for (let i = 0; i < identityInputs.length; i++) {
    identity.push(evaluatePolicy(identityInputs[i], { type: 'identity', index: i }, false, prepared, !principalSkip, principalSkip, explain));
  }
  for (const p of identity) all.push(p);
  const boundary = policies.boundary && evaluatePolicy(policies.boundary, { type: 'boundary', index: 0 }, false, prepared, !principalSkip, principalSkip, explain);
  if (boundary) all.push(boundary);
  const session = policies.session && evaluatePolicy(policies.session, { type: 'session', index: 0 }, false, prepared, !principalSkip, principalSkip, explain);
  if (session) all.push(session);

  const finish = (decision: Decision, summary: string, decidedBy: StatementExplanation[], missingAllow?: PolicyRef): EvaluationResult => ({
    decision,
    explanation: {
      summary,
      decidedBy: decidedBy.map(toStatementRef),
      missingAllow,
      policies: all,
      notes,
      crossAccount,
      principalAccount: caller.account,
      resourceAccount,
      context: explain ? context.toRecord() : {},
      related: [],
    },
  });

  // sts:GetCallerIdentity needs no permission and cannot be denied.
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
  if (isGetCallerIdentity(action) && !options.implied) {
    return finish('allowed', 'Allowed: sts:GetCallerIdentity needs no permission, and no policy can deny it.', []);
  }

  const denies = applyingStatements(all, 'Deny');
  if (denies.length > 0) return finish('explicitDeny', explicitDenySummary(denies[0], action), denies);

  if (isRoot && isAssumeRoleAction(action)) {
    return finish('implicitDeny', 'Implicit deny: the root user cannot assume a role.', []);
  }
  const limit = options.implied ? undefined : temporaryCredentialLimit(issuer, request.credentials?.mfa === true, action);
  if (limit) return finish('implicitDeny', `Implicit deny: ${limit}.`, []);

  // RCPFullAWSAccess is attached at every level and cannot be detached, so every RCP level
  // allows: only RCP denies bite. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
  if (rcpLevels && !rcpSkip) notes.push('RCPFullAWSAccess is attached at every organisation level: RCPs only deny.');

  if (scpLevels && !scpSkip) {
    for (let li = 0; li < scpLevels.length; li++) {
      if (!scpLevels[li].some((p) => p.allows)) {
        const ref: PolicyRef = { type: 'scp', index: 0, level: li, label: `SCPs at organisation level ${li + 1}` };
        return finish('implicitDeny', `Implicit deny: no SCP at organisation level ${li + 1} allows ${action}.`, [], ref);
      }
    }
  }

  const resourceAllows = resourcePolicy ? resourcePolicy.statements.filter((s) => s.applies && s.effect === 'Allow') : [];
  const resourceRef: PolicyRef = resourcePolicy?.ref ?? { type: 'resource', index: 0, label: defaultLabel('resource', 0, undefined, trust) };

  if (!iam) {
    if (resourceAllows.length > 0) {
      return finish('allowed', `Allowed: ${where(resourceAllows[0])} grants ${action} to ${principalKindWords(resourceAllows[0].principal?.kind)}.`, resourceAllows);
    }
    const why = resourcePolicy ? `${policyName(resourceRef)} does not allow this caller` : `no ${resourceRef.label} was given`;
    return finish('implicitDeny', `Implicit deny: this caller has no identity policies and ${why}.`, [], resourceRef);
  }

  if (trust && !resourcePolicy) {
    return finish('implicitDeny', 'Implicit deny: a role can be assumed only when its trust policy allows it, and none was given.', [], resourceRef);
  }
  if (kmsKeyPolicy && !resourcePolicy) {
    return finish('implicitDeny', 'Implicit deny: access to a KMS key needs its key policy to allow it, and none was given (add the key policy as the resource policy).', [], resourceRef);
  }

  const identityAllows = applyingStatements(identity, 'Allow');
  const boundaryAllows = boundary ? applyingStatements([boundary], 'Allow') : [];
  const sessionAllows = session ? applyingStatements([session], 'Allow') : [];
  const identityOk = isRoot || identityAllows.length > 0;
  const boundaryOk = !boundary || !boundary.applicable || boundary.allows;
  // A GetFederationToken session without a session policy has no permissions of its own.
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
  const sessionOk = session ? !session.applicable || session.allows : issuer !== 'GetFederationToken';
  const limits = [...boundaryAllows, ...sessionAllows];
  const kindOf = (s: StatementExplanation): PrincipalMatchKind | undefined => s.principal?.kind;
  const mustResourceAllow = trust || kmsKeyPolicy;
  const resourceWord = trust ? 'trust policy' : kmsKeyPolicy ? 'key policy' : 'resource policy';

  const missing = (namedRole: boolean): EvaluationResult => {
    if (!identityOk && !namedRole) {
      const ref: PolicyRef = identity[0]?.ref ?? { type: 'identity', index: 0, label: 'identity policies' };
      const extra = resourcePolicy && !crossAccount && !mustResourceAllow ? ', and the resource policy does not grant it to this caller' : '';
      return finish('implicitDeny', `Implicit deny: no identity policy allows ${action} on ${resource}${extra}.`, [], ref);
    }
    if (!boundaryOk) return finish('implicitDeny', `Implicit deny: the permissions boundary does not allow ${action}.`, [], boundary!.ref);
    const sessionRef: PolicyRef = session?.ref ?? { type: 'session', index: 0, label: 'session policy' };
    const why = session ? `the session policy does not allow ${action}` : 'a GetFederationToken session without a session policy has no permissions';
    return finish('implicitDeny', `Implicit deny: ${why}.`, [], sessionRef);
  };

  if (crossAccount) {
    notes.push(`Cross-account request: account ${caller.account} (caller) and account ${resourceAccount} (resource) must both allow it.`);
    if (resourceAllows.length === 0) {
      const why = resourcePolicy ? `${policyName(resourceRef)} does not allow this caller` : `no ${resourceWord} was given`;
      return finish('implicitDeny', `Implicit deny: cross-account access needs the ${resourceWord} of account ${resourceAccount} to allow it, and ${why}.`, [], resourceRef);
    }
    if (!(identityOk && boundaryOk && sessionOk)) return missing(false);
    return finish(
      'allowed',
      `Allowed: ${where(resourceAllows[0])} and ${identityAllows[0] ? where(identityAllows[0]) : "the caller's account"} both allow ${action}.`,
      [...resourceAllows, ...identityAllows, ...limits],
    );
  }

  const direct = resourceAllows.filter((s) => DIRECT_GRANT.includes(kindOf(s)!));
  if (direct.length > 0) {
    notes.push('The resource policy names the caller itself, so identity policies, boundaries and session policies do not limit this grant.');
    return finish('allowed', `Allowed: ${where(direct[0])} grants ${action} to ${principalKindWords(kindOf(direct[0]))} directly.`, direct);
  }
  const namedRole = resourceAllows.filter((s) => kindOf(s) === 'role');
  if (namedRole.length > 0 && boundaryOk && sessionOk) {
    notes.push('The resource policy names the role: the permissions boundary and session policy still limit it.');
    return finish('allowed', `Allowed: ${where(namedRole[0])} grants ${action} to the role.`, [...namedRole, ...limits]);
  }
  if (mustResourceAllow && resourceAllows.length === 0) {
    const why = trust ? `a role can be assumed only when its trust policy allows it` : 'a KMS key policy must allow access itself';
    return finish('implicitDeny', `Implicit deny: ${why}, and ${policyName(resourceRef)} does not allow this caller.`, [], resourceRef);
  }
  if (identityOk && boundaryOk && sessionOk) {
    if (mustResourceAllow) notes.push(`The ${resourceWord} names only the account, so an identity policy must allow the request too.`);
    const decidedBy = [...(mustResourceAllow ? resourceAllows : []), ...identityAllows, ...limits];
    const summary = isRoot ? `Allowed: the root user holds every permission of its account.` : allowedByIdentitySummary(identityAllows[0], action, resource);
    return finish('allowed', summary, decidedBy);
  }
  return missing(namedRole.length > 0);
}

function toStatementRef(st: StatementExplanation): StatementRef {
  return { policy: st.policy, index: st.index, sid: st.sid, effect: st.effect === 'Deny' ? 'Deny' : 'Allow', range: st.range };
}

/** SCPs or RCPs, one list per organisation level; each result is also appended to `all`. */
function evaluateLevels(
  levels: PolicyInput[][],
  type: 'scp' | 'rcp',
  prepared: PreparedRequest,
  skip: string | undefined,
  explain: boolean,
  all: PolicyExplanation[],
): PolicyExplanation[][] {
  const out: PolicyExplanation[][] = [];
  for (let li = 0; li < levels.length; li++) {
    const level: PolicyExplanation[] = [];
    for (let i = 0; i < levels[li].length; i++) {
      const result = evaluatePolicy(levels[li][i], { type, index: i, level: li }, false, prepared, !skip, skip, explain);
      level.push(result);
      all.push(result);
    }
    out.push(level);
  }
  return out;
}

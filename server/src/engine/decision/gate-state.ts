// The facts every gate reads, gathered once per request: who calls, which account owns the
// resource, and every policy evaluated against the request.
import { arnAccount, splitArn } from '../../iam/arn';
import { serviceOf } from '../action/action-match';
import { buildRequestContext } from '../context/request-context';
import { cachedCaller, isIamCaller } from '../principal/request-principal';
import type { PreparedRequest } from '../statement/evaluate-statement';
import type { EvaluationRequest, PolicyExplanation, PolicyInput, PolicyRef, PolicySet, StatementExplanation } from '../types';
import { applyingStatements, defaultLabel, evaluatePolicy } from './evaluate-policy';
import type { EvaluatedPolicies, GateState, RequestEvaluationOptions } from './gate';
import { credentialIssuer } from './temporary-credentials';

// Every KMS key has a key policy, and access to a key is allowed only when that policy allows
// it (directly, or by delegating to the account's IAM policies); an identity policy alone never
// suffices. https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html
const KMS_KEY = /^arn:[^:]+:kms:[^:]*:[^:]*:key\//;

export function buildGateState(request: EvaluationRequest, policies: PolicySet, options: RequestEvaluationOptions): GateState {
  const caller = cachedCaller(request.principal, request.credentials);
  const resourceAccount = request.resourceAccount ?? arnAccount(request.resource) ?? caller.account;
  const context = buildRequestContext(request.context, caller, resourceAccount, request.credentials, options.now);
  const lowerAction = request.action.toLowerCase();
  const prepared: PreparedRequest = {
    action: request.action,
    lowerAction,
    lowerService: serviceOf(lowerAction),
    resource: request.resource,
    resourceParts: splitArn(request.resource),
    caller,
    context,
  };
  const explain = options.explain;
  const iam = isIamCaller(caller);
  const isRoot = caller.kind === 'root';
  const trust = options.trustGoverned;
  const kmsKeyPolicy = KMS_KEY.test(request.resource);

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
  const notes: string[] = [];
  if (policies.scp && scpSkip) notes.push(scpSkip);
  if (policies.rcp && rcpSkip) notes.push(rcpSkip);

  const all: PolicyExplanation[] = [];
  const evaluated: EvaluatedPolicies = { identity: [] };
  if (policies.scp) evaluated.scpLevels = evaluateLevels(policies.scp, 'scp', prepared, scpSkip, explain, all);
  if (policies.rcp) evaluated.rcpLevels = evaluateLevels(policies.rcp, 'rcp', prepared, rcpSkip, explain, all);
  if (policies.resource) {
    evaluated.resource = evaluatePolicy(policies.resource, { type: 'resource', index: 0 }, trust, prepared, true, undefined, explain);
    all.push(evaluated.resource);
  }
  const identityInputs = policies.identity ?? [];
  for (let i = 0; i < identityInputs.length; i++) {
    const p = evaluatePolicy(identityInputs[i], { type: 'identity', index: i }, false, prepared, !principalSkip, principalSkip, explain);
    evaluated.identity.push(p);
    all.push(p);
  }
  if (policies.boundary) {
    evaluated.boundary = evaluatePolicy(policies.boundary, { type: 'boundary', index: 0 }, false, prepared, !principalSkip, principalSkip, explain);
    all.push(evaluated.boundary);
  }
  if (policies.session) {
    evaluated.session = evaluatePolicy(policies.session, { type: 'session', index: 0 }, false, prepared, !principalSkip, principalSkip, explain);
    all.push(evaluated.session);
  }

  const { resource, boundary, session } = evaluated;
  const issuer = credentialIssuer(caller, request.credentials);
  const resourceAllows = resource ? resource.statements.filter((s) => s.applies && s.effect === 'Allow') : [];
  const identityAllows = applyingStatements(evaluated.identity, 'Allow');
  const crossAccount = caller.account !== undefined && resourceAccount !== undefined && caller.account !== resourceAccount;
  const resourceRef: PolicyRef = resource?.ref ?? { type: 'resource', index: 0, label: defaultLabel('resource', 0, undefined, trust) };
  return {
    request,
    options,
    caller,
    context,
    resourceAccount,
    crossAccount,
    iam,
    isRoot,
    issuer,
    scpSkip,
    rcpSkip,
    mustResourceAllow: trust || kmsKeyPolicy,
    resourceWord: trust ? 'trust policy' : kmsKeyPolicy ? 'key policy' : 'resource policy',
    policies: evaluated,
    all,
    notes,
    resourceAllows,
    resourceRef,
    identityAllows,
    identityOk: isRoot || identityAllows.length > 0,
    boundaryOk: !boundary || !boundary.applicable || boundary.allows,
    // A GetFederationToken session without a session policy has no permissions of its own.
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
    sessionOk: session ? !session.applicable || session.allows : issuer !== 'GetFederationToken',
    limits: boundary || session ? applyingStatements(boundary && session ? [boundary, session] : [(boundary ?? session)!], 'Allow') : [],
    namedRole: crossAccount ? [] : resourceAllows.filter((s: StatementExplanation) => s.principal?.kind === 'role'),
  };
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

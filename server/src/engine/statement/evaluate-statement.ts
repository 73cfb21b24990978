// One statement against one request: whether its action, resource, principal and each
// condition match, kept element by element so the UI can show why.
import { actionMatches, statementMatchesAction } from '../action/action-match';
import type { CompiledStatement } from '../compile/compile-policy';
import { conditionsHold, evaluateConditions } from '../condition/condition-match';
import type { RequestContext } from '../context/request-context';
import { statementMatchesPrincipal } from '../principal/principal-match';
import type { CallerIdentity } from '../principal/request-principal';
import { resourceMatches, statementMatchesResource } from '../resource/resource-match';
import type { PolicyRef, StatementExplanation } from '../types';

export interface PreparedRequest {
  action: string;
  /** `action` lower-cased once: action patterns ignore case. */
  lowerAction: string;
  /** The service part of `lowerAction` (before its first colon); undefined without a colon. */
  lowerService: string | undefined;
  resource: string;
  /** `resource` split once by `splitArn`. */
  resourceParts: string[];
  caller: CallerIdentity;
  context: RequestContext;
}

export function evaluateStatement(
  st: CompiledStatement,
  policy: PolicyRef,
  request: PreparedRequest,
  isResourcePolicy: boolean,
): StatementExplanation {
  const action = statementMatchesAction(st.action, request.action, request.lowerAction, request.lowerService);
  const resource = statementMatchesResource(st.resource, request.resource, request.resourceParts, request.context.lookup, isResourcePolicy);
  const principal = isResourcePolicy ? statementMatchesPrincipal(st.principal, request.caller, st.effect) : undefined;
  const conditions = evaluateConditions(st.conditions, request.context);
  const applies =
    st.effect !== 'invalid' && action.matches && resource.matches && (principal?.matches ?? true) && conditions.matches;
  return {
    policy,
    index: st.index,
    sid: st.sid,
    effect: st.effect,
    range: st.range,
    applies,
    action,
    resource,
    principal,
    conditions: conditions.explains,
    conditionsMatch: conditions.matches,
  };
}

/**
 * `evaluateStatement(...).applies` without building the explanation: the same matchers' rules,
 * cheapest first, stopping at the first element that does not match (every matcher is pure).
 */
export function statementApplies(st: CompiledStatement, request: PreparedRequest, isResourcePolicy: boolean): boolean {
  if (st.effect === 'invalid') return false;
  if (!actionMatches(st.action, request.lowerAction, request.lowerService)) return false;
  if (!resourceMatches(st.resource, request.resource, request.resourceParts, request.context.lookup, isResourcePolicy)) return false;
  if (isResourcePolicy && !statementMatchesPrincipal(st.principal, request.caller, st.effect).matches) return false;
  return conditionsHold(st.conditions, request.context);
}

// One statement against one request: whether its action, resource, principal and each
// condition match, kept element by element so the UI can show why.
import { statementMatchesAction } from '../action/action-match';
import type { CompiledStatement } from '../compile/compile-policy';
import { evaluateConditions } from '../condition/condition-match';
import type { RequestContext } from '../context/request-context';
import { statementMatchesPrincipal } from '../principal/principal-match';
import type { CallerIdentity } from '../principal/request-principal';
import { statementMatchesResource } from '../resource/resource-match';
import type { PolicyRef, StatementExplanation } from '../types';

export interface PreparedRequest {
  action: string;
  resource: string;
  caller: CallerIdentity;
  context: RequestContext;
}

export function evaluateStatement(
  st: CompiledStatement,
  policy: PolicyRef,
  request: PreparedRequest,
  isResourcePolicy: boolean,
): StatementExplanation {
  const action = statementMatchesAction(st.action, request.action);
  const resource = statementMatchesResource(st.resource, request.resource, (key) => request.context.single(key), isResourcePolicy);
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

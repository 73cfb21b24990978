// Action / NotAction: `service:Name`, case-insensitive, with `*` and `?` wildcards.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
import { actionPatternAt, actionPatternMatches, type CompiledActions, type CompiledStatement } from '../compile/compile-policy';
import type { ElementMatch, ValueRef } from '../types';

/** `lowerAction` is `requestAction` lower-cased and `lowerService` its `serviceOf` (both made once per request). */
export function statementMatchesAction(
  action: CompiledStatement['action'],
  requestAction: string,
  lowerAction: string = requestAction.toLowerCase(),
  lowerService: string | undefined = serviceOf(lowerAction),
): ElementMatch {
  if (!action) return { matches: false, element: 'absent', matched: [], note: 'The statement has neither Action nor NotAction.' };
  const matched: ValueRef[] = [];
  // Candidates in pattern order (both lists ascend), so `matched` keeps the policy's order.
  const own = action.index.own(lowerService);
  const any = action.index.anyService;
  let i = 0;
  let j = 0;
  while (i < own.length || j < any.length) {
    const next = j >= any.length || (i < own.length && own[i] < any[j]) ? own[i++] : any[j++];
    const p = actionPatternAt(action, next);
    if (actionPatternMatches(p, lowerAction)) matched.push(p.ref);
  }
  if (action.element === 'Action') return { matches: matched.length > 0, element: 'Action', matched };
  return {
    matches: matched.length === 0,
    element: 'NotAction',
    matched,
    note: matched.length > 0 ? `NotAction lists ${requestAction}, so the statement does not cover it.` : undefined,
  };
}

/** The service part of a lower-cased action; undefined without a colon. */
export function serviceOf(lowerAction: string): string | undefined {
  const colon = lowerAction.indexOf(':');
  return colon < 0 ? undefined : lowerAction.slice(0, colon);
}


/**
 * `statementMatchesAction(...).matches` without the explanation; `lowerAction` is the request
 * action lower-cased and `lowerService` its `serviceOf`. Only the patterns of the action's own service, and those that may match
 * any service, are tried (see `ActionIndex`).
 */
export function actionMatches(action: CompiledStatement['action'], lowerAction: string, lowerService: string | undefined): boolean {
  if (!action) return false;
  const listed =
    anyPatternMatches(action, action.index.own(lowerService), lowerAction) || anyPatternMatches(action, action.index.anyService, lowerAction);
  return action.element === 'Action' ? listed : !listed;
}

function anyPatternMatches(action: CompiledActions, positions: readonly number[], lowerAction: string): boolean {
  for (let i = 0; i < positions.length; i++) if (actionPatternMatches(actionPatternAt(action, positions[i]), lowerAction)) return true;
  return false;
}

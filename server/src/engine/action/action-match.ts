// Action / NotAction: `service:Name`, case-insensitive, with `*` and `?` wildcards.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
import { actionPatternAt, actionPatternMatches, NO_POSITIONS, type CompiledActions, type CompiledStatement, type ServicePatterns } from '../compile/compile-policy';
import type { ElementMatch, ValueRef } from '../types';

/** `lowerAction` is `requestAction` lower-cased and `lowerService` its `serviceOf` (both made once per request). */
export function statementMatchesAction(
  action: CompiledStatement['action'],
  requestAction: string,
  lowerAction: string = requestAction.toLowerCase(),
  lowerService: string | undefined = serviceOf(lowerAction),
): ElementMatch {
  if (!action) return { matches: false, element: 'absent', matched: [], note: 'The statement has neither Action nor NotAction.' };
  // Positions of the matching patterns, ascending, so `matched` keeps the policy's order.
  const patterns = action.index.ownPatterns(lowerService);
  const own = isPositions(patterns)
    ? matching(action, patterns, lowerAction)
    : union(patterns.literals.get(lowerAction) ?? NO_POSITIONS, matching(action, patterns.others, lowerAction));
  const positions = union(own, matching(action, action.index.anyService, lowerAction));
  const matched: ValueRef[] = [];
  for (let i = 0; i < positions.length; i++) matched.push(actionPatternAt(action, positions[i]).ref);
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
  const patterns = action.index.ownPatterns(lowerService);
  const own = isPositions(patterns)
    ? anyPatternMatches(action, patterns, lowerAction)
    : patterns.literals.has(lowerAction) || anyPatternMatches(action, patterns.others, lowerAction);
  const listed = own || anyPatternMatches(action, action.index.anyService, lowerAction);
  return action.element === 'Action' ? listed : !listed;
}

function isPositions(patterns: ServicePatterns | readonly number[]): patterns is readonly number[] {
  return Array.isArray(patterns);
}

/** The positions among `positions` whose pattern matches `lowerAction`, in their order. */
function matching(action: CompiledActions, positions: readonly number[], lowerAction: string): readonly number[] {
  let out: number[] | undefined;
  for (let i = 0; i < positions.length; i++) {
    if (actionPatternMatches(actionPatternAt(action, positions[i]), lowerAction)) (out ??= []).push(positions[i]);
  }
  return out ?? NO_POSITIONS;
}

/** Two ascending lists of distinct positions as one. */
function union(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}

function anyPatternMatches(action: CompiledActions, positions: readonly number[], lowerAction: string): boolean {
  for (let i = 0; i < positions.length; i++) if (actionPatternMatches(actionPatternAt(action, positions[i]), lowerAction)) return true;
  return false;
}

// Action / NotAction: `service:Name`, case-insensitive, with `*` and `?` wildcards.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
import type { CompiledStatement } from '../compile/compile-policy';
import type { ElementMatch } from '../types';
import { globMatches } from '../wildcard/glob';

export function statementMatchesAction(action: CompiledStatement['action'], requestAction: string): ElementMatch {
  if (!action) return { matches: false, element: 'absent', matched: [], note: 'The statement has neither Action nor NotAction.' };
  const matched = action.patterns.filter((p) => globMatches(p.glob, requestAction)).map((p) => p.ref);
  if (action.element === 'Action') return { matches: matched.length > 0, element: 'Action', matched };
  return {
    matches: matched.length === 0,
    element: 'NotAction',
    matched,
    note: matched.length > 0 ? `NotAction lists ${requestAction}, so the statement does not cover it.` : undefined,
  };
}

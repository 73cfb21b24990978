// Resource / NotResource: ARN patterns matched part by part, case-sensitively, with
// policy variables substituted (2012-10-17 policies only).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
import { arnMatches, arnMatchesSplit, compileArnPattern } from '../arn/arn-pattern';
import type { CompiledResourcePattern, CompiledStatement } from '../compile/compile-policy';
import type { ElementMatch, ValueRef } from '../types';
import { resolveTemplate, type VariableLookup } from '../variables/policy-variables';

export function statementMatchesResource(
  resource: CompiledStatement['resource'],
  requestResource: string,
  /** `requestResource` split by `splitArn` (split once per request). */
  requestParts: readonly string[],
  lookup: VariableLookup,
  /** Resource policies may leave Resource out: the resource is the one the policy is attached to. */
  impliedWhenAbsent: boolean,
): ElementMatch {
  if (!resource) {
    return impliedWhenAbsent
      ? { matches: true, element: 'implied', matched: [], note: 'No Resource element: the policy covers the resource it is attached to.' }
      : { matches: false, element: 'absent', matched: [], note: 'The statement has neither Resource nor NotResource.' };
  }
  const unresolved: string[] = [];
  const matched: ValueRef[] = [];
  for (const p of resource.patterns) if (patternMatches(p, requestResource, requestParts, lookup, unresolved)) matched.push(p.ref);
  const unresolvedNote = unresolved.length > 0 ? `No value for ${[...new Set(unresolved)].join(', ')}: those patterns match nothing.` : undefined;
  if (resource.element === 'Resource') return { matches: matched.length > 0, element: 'Resource', matched, note: unresolvedNote };
  return {
    matches: matched.length === 0,
    element: 'NotResource',
    matched,
    note: matched.length > 0 ? `NotResource lists ${requestResource}, so the statement does not cover it.` : unresolvedNote,
  };
}

function patternMatches(p: CompiledResourcePattern, value: string, valueParts: readonly string[], lookup: VariableLookup, unresolved: string[]): boolean {
  if (p.pattern) return arnMatchesSplit(p.pattern, value, valueParts);
  const resolved = resolveTemplate(p.template, lookup);
  if (!resolved.ok) {
    unresolved.push(...resolved.unresolved);
    return false;
  }
  return arnMatches(compileArnPattern(resolved.parts), value);
}

/**
 * `statementMatchesResource(...).matches` without the explanation; `requestParts` is the
 * request resource split by `splitArn`.
 */
export function resourceMatches(
  resource: CompiledStatement['resource'],
  requestResource: string,
  requestParts: readonly string[],
  lookup: VariableLookup,
  impliedWhenAbsent: boolean,
): boolean {
  if (!resource) return impliedWhenAbsent;
  const patterns = resource.patterns;
  let listed = false;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i];
    if (p.pattern ? arnMatchesSplit(p.pattern, requestResource, requestParts) : resolvedPatternMatches(p, requestResource, lookup)) {
      listed = true;
      break;
    }
  }
  return resource.element === 'Resource' ? listed : !listed;
}

function resolvedPatternMatches(p: CompiledResourcePattern, value: string, lookup: VariableLookup): boolean {
  const resolved = resolveTemplate(p.template, lookup);
  return resolved.ok && arnMatches(compileArnPattern(resolved.parts), value);
}

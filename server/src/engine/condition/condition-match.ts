// The Condition element: every operator and every key under it must hold (AND); several
// values for one key are alternatives (OR), and a negated operator wants the request value
// to match none of them.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
//
// Absent key: a positive operator is false, a negated one true, `…IfExists` true.
// `ForAllValues` holds when the key is absent or empty; `ForAnyValue` fails then.
// A multivalued request key under an operator without a set qualifier is read as "some
// request value matches" (negated: "no request value matches"): our choice where the
// documentation only says such keys need a qualifier.
import type { CompiledCondition, CompiledConditionValue } from '../compile/compile-policy';
import type { RequestContext } from '../context/request-context';
import type { ConditionOperator } from '../conditions/operator';
import type { ConditionExplanation, ValueRef } from '../types';
import { resolveTemplate } from '../variables/policy-variables';

export interface ConditionsResult {
  matches: boolean;
  explains: ConditionExplanation[];
}

export function evaluateConditions(conditions: readonly CompiledCondition[], context: RequestContext): ConditionsResult {
  const explains: ConditionExplanation[] = new Array(conditions.length);
  let matches = true;
  for (let i = 0; i < conditions.length; i++) {
    explains[i] = evaluateCondition(conditions[i], context);
    if (!explains[i].matches) matches = false;
  }
  return { matches, explains };
}

interface PreparedValue {
  ref: ValueRef;
  prepared: unknown;
}

/**
 * One condition, explained. Written as plain loops building each result in one literal: this
 * runs for every condition of every statement in explained mode, and closures and spread copies
 * per condition were most of its cost.
 */
function evaluateCondition(condition: CompiledCondition, context: RequestContext): ConditionExplanation {
  const { operator: parsed, key, range } = condition;
  const found = context.getLower(condition.lowerKey);
  // A fresh array per explanation: callers may keep and change it.
  const requestValues = found === undefined ? [] : found;
  const keyPresent = requestValues.length > 0;
  const operator = parsed.written;
  const op = parsed.operator;
  if (!op) return { operator, key, range, keyPresent, requestValues, matches: false, matchedValues: [], note: `Never matches: ${parsed.problem}.` };

  let unresolved: string[] | undefined;
  const values: PreparedValue[] = [];
  for (const v of condition.values) {
    if (!v.template.hasVariables) {
      if (v.prepared !== undefined) values.push({ ref: v.ref, prepared: v.prepared });
      continue;
    }
    const prepared = prepareValue(v, op, context, (unresolved ??= []));
    if (prepared !== undefined) values.push(prepared);
  }
  const unresolvedVariables = unresolved && unresolved.length > 0 ? [...new Set(unresolved)] : undefined;

  if (op.testsPresence) {
    const presence = keyPresent ? 'present' : 'absent';
    const matchedValues: ValueRef[] = [];
    for (const v of values) if (op.test(presence, v.prepared)) matchedValues.push(v.ref);
    return { operator, key, range, keyPresent, requestValues, matches: matchedValues.length > 0, matchedValues, unresolvedVariables };
  }

  const matched = new Matched();
  const byKey = useLookup(op, requestValues.length, values.length) ? refsByKey(values) : undefined;
  let matches: boolean;
  let note: string | undefined;
  if (parsed.qualifier === 'ForAllValues') {
    // Every value is evaluated (no early exit) so the explanation lists all matched policy values.
    matches = true;
    for (const rv of requestValues) if (positiveMatch(op, byKey, values, rv, matched) === op.negated) matches = false;
    if (!keyPresent) note = 'ForAllValues holds when the key is absent or empty.';
  } else if (parsed.qualifier === 'ForAnyValue') {
    let some = false;
    for (const rv of requestValues) if (positiveMatch(op, byKey, values, rv, matched) !== op.negated) some = true;
    matches = keyPresent ? some : parsed.ifExists;
    if (!keyPresent) note = parsed.ifExists ? 'The key is absent and the operator ends in IfExists.' : 'ForAnyValue fails when the key is absent.';
  } else if (!keyPresent) {
    matches = parsed.ifExists || op.negated;
    note = parsed.ifExists
      ? 'The key is absent and the operator ends in IfExists.'
      : op.negated
        ? 'The key is absent: a negated operator holds.'
        : 'The key is absent from the request.';
  } else {
    let some = false;
    for (const rv of requestValues) if (positiveMatch(op, byKey, values, rv, matched)) some = true;
    matches = op.negated ? !some : some;
  }
  const matchedValues: ValueRef[] = [];
  const set = matched.set;
  if (set) for (const v of condition.values) if (set.has(v.ref)) matchedValues.push(v.ref);
  return { operator, key, range, keyPresent, requestValues, matches, matchedValues, unresolvedVariables, note };
}

/** The policy values that matched, as a set made on the first: most conditions of an explained request match none. */
class Matched {
  set: Set<ValueRef> | undefined = undefined;

  add(ref: ValueRef): void {
    (this.set ??= new Set()).add(ref);
  }
}

/** Positive sense: does some policy value match this request value? Every matching value is added to `matched`. */
function positiveMatch(
  op: ConditionOperator,
  byKey: Map<string, ValueRef[]> | undefined,
  values: readonly PreparedValue[],
  rv: string,
  matched: Matched,
): boolean {
  if (byKey) {
    const refs = byKey.get(op.lookupKey!(rv));
    if (refs) for (const r of refs) matched.add(r);
    return refs !== undefined;
  }
  let any = false;
  for (const v of values) {
    if (op.test(rv, v.prepared)) {
      matched.add(v.ref);
      any = true;
    }
  }
  return any;
}

/** A value holding policy variables, substituted from the request; undefined when a variable has no value. */
function prepareValue(v: CompiledConditionValue, op: ConditionOperator, context: RequestContext, unresolved: string[]): PreparedValue | undefined {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
  const resolved = resolveTemplate(v.template, context.lookup);
  if (!resolved.ok) {
    unresolved.push(...resolved.unresolved);
    return undefined;
  }
  const prepared = op.prepare({ text: resolved.text, parts: resolved.parts });
  return prepared === undefined ? undefined : { ref: v.ref, prepared };
}

/**
 * Whether every condition holds: `evaluateConditions(...).matches` by the same rules, without
 * the explanation, stopping at the first condition or value that settles it.
 */
export function conditionsHold(conditions: readonly CompiledCondition[], context: RequestContext): boolean {
  for (let i = 0; i < conditions.length; i++) if (!conditionHolds(conditions[i], context)) return false;
  return true;
}

function conditionHolds(condition: CompiledCondition, context: RequestContext): boolean {
  const parsed = condition.operator;
  const op = parsed.operator;
  if (!op) return false;
  const values = condition.staticValues ?? resolvedValues(condition, op, context);
  const requestValues = context.getLower(condition.lowerKey);
  const keyPresent = requestValues !== undefined && requestValues.length > 0;
  if (op.testsPresence) {
    const presence = keyPresent ? 'present' : 'absent';
    for (let i = 0; i < values.length; i++) if (op.test(presence, values[i])) return true;
    return false;
  }
  const matcher = valueMatcher(op, values, requestValues?.length ?? 0);
  if (parsed.qualifier === 'ForAllValues') {
    if (!keyPresent) return true;
    // Each request value must satisfy the operator: match some value, or (negated) none.
    for (let i = 0; i < requestValues.length; i++) if (matcher(requestValues[i]) === op.negated) return false;
    return true;
  }
  if (parsed.qualifier === 'ForAnyValue') {
    if (!keyPresent) return parsed.ifExists;
    for (let i = 0; i < requestValues.length; i++) if (matcher(requestValues[i]) !== op.negated) return true;
    return false;
  }
  if (!keyPresent) return parsed.ifExists || op.negated;
  for (let i = 0; i < requestValues.length; i++) if (matcher(requestValues[i])) return !op.negated;
  return op.negated;
}

/**
 * Many request values against many policy values: an operator that compares by exact string
 * equality looks each request value up in a set of the policy values (linear), instead of
 * comparing every value with every value (30,000 × 30,000 took seconds). Small lists keep the
 * plain loop, which is cheaper than building a set.
 */
const LOOKUP_THRESHOLD = 64;

function useLookup(op: ConditionOperator, requestCount: number, policyCount: number): boolean {
  return op.lookupKey !== undefined && requestCount * policyCount > LOOKUP_THRESHOLD;
}

function valueMatcher(op: ConditionOperator, values: readonly unknown[], requestCount: number): (requestValue: string) => boolean {
  if (useLookup(op, requestCount, values.length)) {
    const set = new Set(values as readonly string[]);
    const key = op.lookupKey!;
    return (rv) => set.has(key(rv));
  }
  return (rv) => {
    for (let i = 0; i < values.length; i++) if (op.test(rv, values[i])) return true;
    return false;
  };
}

function refsByKey(values: readonly PreparedValue[]): Map<string, ValueRef[]> {
  const map = new Map<string, ValueRef[]>();
  for (const v of values) {
    const key = v.prepared as string;
    const refs = map.get(key);
    if (refs) refs.push(v.ref);
    else map.set(key, [v.ref]);
  }
  return map;
}

/** Prepared values with policy variables substituted; values whose variables have no value drop out. */
function resolvedValues(condition: CompiledCondition, op: ConditionOperator, context: RequestContext): unknown[] {
  const out: unknown[] = [];
  for (const v of condition.values) {
    if (!v.template.hasVariables) {
      if (v.prepared !== undefined) out.push(v.prepared);
      continue;
    }
    const resolved = resolveTemplate(v.template, context.lookup);
    if (!resolved.ok) continue;
    const prepared = op.prepare({ text: resolved.text, parts: resolved.parts });
    if (prepared !== undefined) out.push(prepared);
  }
  return out;
}

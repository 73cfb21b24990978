// Whether the Deny statements of a policy refuse every request one of its Allow statements
// grants, asked of the evaluation engine with a bounded set of canonical requests: the
// Allow's concrete actions × sample resources made from its Resource patterns, in a context
// that meets its own simple conditions. An explicit Deny in the same policy always wins
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html),
// so such an Allow grants nothing.
//
// Only certain denials count: a Deny whose condition tests a key the Allow does not pin (the
// caller's tags, the source IP, the time, MFA …) could be escaped by another request the Allow
// grants, and a Deny whose Resource holds a policy variable depends on the caller.
import type { ActionInfo, IamData } from '../../data/iamData';
import { hasWildcard, wildcardMatch } from '../../iam/wildcard';
import { evaluate } from '../../engine';
import { arnAccount } from '../../iam/arn';
import type { EvaluationRequest, StatementRef } from '../../engine/types';
import type { PolicyModel, Statement } from '../../policy/model';
import { memoize } from '../support/memo';
import { conditionUses, isAllow, isDeny, stringValues } from '../support/statements';
import { actionArnTemplates, matchesEveryResource, resourceMayMatchAction } from './actionResources';
import { SAMPLE_ACCOUNT, SAMPLE_VARIANTS, sampleFromPattern, sampleFromTemplate } from './sampleResources';
import { satisfyingContext } from './satisfyingContext';

/** Bounds that keep the check within the linter's per-keystroke budget (an evaluation costs ~30 µs). */
export const MAX_ACTIONS_PER_STATEMENT = 16;
export const MAX_REQUESTS_PER_STATEMENT = 32;
export const MAX_EVALUATIONS_PER_POLICY = 34;

const CALLER = `arn:aws:iam::${SAMPLE_ACCOUNT}:user/iam-sts-studio-sample`;

interface DenySet {
  /** The policy with only its Deny statements: what the engine evaluates every request against. */
  model: PolicyModel;
  statements: Statement[];
}

const denySets = memoize((model: PolicyModel): DenySet | undefined => {
  const statements = model.statements.filter(isDeny);
  return statements.length === 0 ? undefined : { model: { ...model, statements }, statements };
});

/**
 * The Deny statements indexed once per policy, so that each Allow costs what it names rather
 * than the number of Denies (a policy of 12,000 statements was quadratic): which Denies are
 * certain for an Allow depends only on the condition keys the Allow pins, and whether an action
 * falls under the unconditional ones is the same question for every Allow.
 */
interface DenyIndex {
  /** Certain for every Allow: no condition, no policy variable in the resource. */
  unconditional: Statement[];
  /** Certain when the Allow pins every key they test, indexed by their smallest key. */
  byFirstKey: Map<string, Array<{ deny: Statement; keys: string[] }>>;
  unconditionalCovers: (action: string) => boolean;
}

const denyIndexes = memoize((denies: DenySet): DenyIndex => {
  const unconditional: Statement[] = [];
  const byFirstKey = new Map<string, Array<{ deny: Statement; keys: string[] }>>();
  for (const d of denies.statements) {
    const keys = certainDenialKeys(d);
    if (!keys) continue;
    if (keys.length === 0) unconditional.push(d);
    else {
      const list = byFirstKey.get(keys[0]) ?? [];
      list.push({ deny: d, keys });
      byFirstKey.set(keys[0], list);
    }
  }
  return { unconditional, byFirstKey, unconditionalCovers: actionCoverage(unconditional) };
});

/** The Deny statements certain for an Allow that pins these keys (see denialIsCertain). */
function certainDenies(index: DenyIndex, pinned: ReadonlySet<string>): { unconditional: Statement[]; conditional: Statement[] } {
  const conditional: Statement[] = [];
  for (const key of pinned) for (const c of index.byFirstKey.get(key) ?? []) if (c.keys.every((k) => pinned.has(k))) conditional.push(c.deny);
  return { unconditional: index.unconditional, conditional };
}

/**
 * Whether some of `denies` covers an action, answered once per action: exact Action values
 * from a set, patterns from the action's service only, NotAction and service wildcards last.
 */
function actionCoverage(denies: readonly Statement[]): (action: string) => boolean {
  const exact = new Set<string>();
  const patternsByService = new Map<string, string[]>();
  const others: Statement[] = [];
  for (const d of denies) {
    if (!d.action) {
      if (d.notAction) others.push(d);
      continue;
    }
    for (const v of stringValues(d.action.values)) {
      const text = v.text.toLowerCase();
      const colon = text.indexOf(':');
      if (!hasWildcard(text)) exact.add(text);
      else if (colon > 0 && !hasWildcard(text.slice(0, colon))) {
        const list = patternsByService.get(text.slice(0, colon)) ?? [];
        list.push(v.text);
        patternsByService.set(text.slice(0, colon), list);
      } else others.push(d);
    }
  }
  const answers = new Map<string, boolean>();
  return (action) => {
    const key = action.toLowerCase();
    let answer = answers.get(key);
    if (answer === undefined) {
      const service = key.slice(0, key.indexOf(':'));
      answer =
        exact.has(key) ||
        (patternsByService.get(service) ?? []).some((p) => wildcardMatch(p, action, true)) ||
        others.some((d) => denyMayCoverAction(d, action));
      answers.set(key, answer);
    }
    return answer;
  };
}

/** The policy with one statement, to ask whether the request meets that statement. */
const singleStatementModels = new WeakMap<Statement, PolicyModel>();

function singleStatementModel(model: PolicyModel, st: Statement): PolicyModel {
  let m = singleStatementModels.get(st);
  if (!m) {
    m = { ...model, statements: [st] };
    singleStatementModels.set(st, m);
  }
  return m;
}

/**
 * The Deny statements that refuse every canonical request of `allow`, or undefined when some
 * request is not certainly refused or the statement cannot be judged within the bounds.
 */
export function shadowingDenies(model: PolicyModel, allow: Statement, data: IamData, budget: EvaluationBudget): Statement[] | undefined {
  const denies = denySets(model);
  // The budget first: once it is spent, no Allow is judged, and none should cost anything.
  if (!denies || budget.remaining < 2 || !isAllow(allow) || !allow.action || !allow.resource || allow.notAction || allow.notResource) return undefined;
  const { context, pinned } = satisfyingContext(allow);
  const index = denyIndexes(denies);
  const { unconditional, conditional } = certainDenies(index, pinned);
  const certain = [...unconditional, ...conditional];
  if (certain.length === 0) return undefined;
  const actions = concreteActions(data, allow);
  if (!actions) return undefined;
  // Without engine work: every action must fall under some certain Deny's Action/NotAction at all.
  for (const a of actions) {
    const action = `${a.service}:${a.name}`;
    if (!index.unconditionalCovers(action) && !conditional.some((d) => denyMayCoverAction(d, action))) return undefined;
  }
  const requests = canonicalRequests(data, allow, actions);
  // Each request, plus the checks that the Allow grants it (one per resource account, usually two).
  if (!requests || requests.length + 2 > budget.remaining) return undefined;

  const certainIndexes = new Set(certain.map((d) => d.index));
  const allowModel = singleStatementModel(model, allow);
  const decidedBy = new Set<number>();
  // The samples meet the Allow's Action and Resource by construction; its conditions see the
  // context, which differs between requests only in the implied resource account.
  const checkedAccounts = new Set<string | undefined>();
  const options = { now: new Date() };
  for (const r of requests) {
    const request: EvaluationRequest = { principal: CALLER, action: r.action, resource: r.resource, context };
    budget.remaining--;
    const denied = evaluate(request, { identity: [denies.model] }, options);
    if (denied.decision !== 'explicitDeny') return undefined;
    const by = denied.explanation.decidedBy.filter((s: StatementRef) => certainIndexes.has(s.index));
    if (by.length === 0) return undefined;
    const account = arnAccount(r.resource);
    if (!checkedAccounts.has(account)) {
      // The request must be one the Allow grants; otherwise the sample proves nothing.
      if (budget.remaining <= 0) return undefined;
      checkedAccounts.add(account);
      budget.remaining--;
      const granted = evaluate(request, { identity: [allowModel] }, options);
      if (!granted.explanation.policies[0]?.statements[0]?.applies) return undefined;
    }
    for (const s of by) decidedBy.add(s.index);
  }
  return denies.statements.filter((d) => decidedBy.has(d.index));
}

/** Engine evaluations left for one lint pass over a policy, shared by its statements. */
export interface EvaluationBudget {
  remaining: number;
}

function concreteActions(data: IamData, st: Statement): ActionInfo[] | undefined {
  const values = st.action!.values;
  if (values.length === 0 || stringValues(values).length !== values.length) return undefined;
  const out = new Set<ActionInfo>();
  for (const v of values) {
    const colon = v.text.indexOf(':');
    if (colon < 0 || hasWildcard(v.text.slice(0, colon))) return undefined;
    const found = hasWildcard(v.text) ? data.actionsMatching(v.text) : [data.action(v.text)];
    if (found.length === 0 || found.length > MAX_ACTIONS_PER_STATEMENT) return undefined;
    for (const a of found) {
      // An unknown action is INVALID_ACTION's finding; no request can stand for it.
      if (!a) return undefined;
      out.add(a);
    }
    if (out.size > MAX_ACTIONS_PER_STATEMENT) return undefined;
  }
  return [...out];
}

interface CanonicalRequest {
  action: string;
  resource: string;
}

function canonicalRequests(data: IamData, st: Statement, actions: ActionInfo[]): CanonicalRequest[] | undefined {
  const resources = st.resource!.values;
  if (resources.length === 0 || stringValues(resources).length !== resources.length) return undefined;
  const out: CanonicalRequest[] = [];
  for (const a of actions) {
    const action = `${a.service}:${a.name}`;
    for (const { text } of resources) {
      let samples: Array<string | undefined>;
      if (matchesEveryResource(text)) {
        // "*": every resource the action can be authorized against, each type sampled.
        const templates = actionArnTemplates(data, a);
        samples = a.isWildcardOnly || templates.length === 0 ? ['*'] : templates.flatMap((t) => SAMPLE_VARIANTS.map((v) => sampleFromTemplate(t, v)));
      } else {
        // A pair that can never match is no request the Allow grants (ACTIONS_AND_RESOURCES_NEVER_MATCH).
        if (!resourceMayMatchAction(data, a, text)) continue;
        samples = SAMPLE_VARIANTS.map((v) => sampleFromPattern(text, v));
      }
      for (const resource of samples) {
        if (resource === undefined) return undefined;
        // A pattern without wildcards gives the same sample twice.
        if (!out.some((r) => r.action === action && r.resource === resource)) out.push({ action, resource });
      }
      if (out.length > MAX_REQUESTS_PER_STATEMENT) return undefined;
    }
  }
  return out.length === 0 ? undefined : out;
}

function denyMayCoverAction(deny: Statement, action: string): boolean {
  if (deny.action) return stringValues(deny.action.values).some((v) => wildcardMatch(v.text, action, true));
  if (deny.notAction) return !stringValues(deny.notAction.values).some((v) => wildcardMatch(v.text, action, true));
  return false;
}

/**
 * A Deny refuses the same way for every request an Allow grants (see the file comment) when the
 * Allow pins every key these are: the keys its conditions test, sorted, or undefined when it is
 * never certain (a policy variable in its resource, a qualified or unknown operator).
 */
function certainDenialKeys(deny: Statement): string[] | undefined {
  const resources = [...(deny.resource?.values ?? []), ...(deny.notResource?.values ?? [])];
  if (resources.some((v) => v.text.includes('${'))) return undefined;
  const keys = new Set<string>();
  for (const u of conditionUses(deny)) {
    if (u.operator === undefined || u.operator.qualifier) return undefined;
    keys.add(u.entry.key.value.toLowerCase());
  }
  return [...keys].sort();
}

// CheckAccessNotGranted, offline: does the policy allow any of the listed actions, or any action
// on the listed resources? Wildcards, NotAction and NotResource are compared as patterns;
// a Deny that covers an action on the resource takes it away when its condition holds whenever
// the Allow's does (no condition at all, the same one, or a wider one). A conditional Allow still
// grants the access (to the requests that meet the condition); where a conditional Deny might
// take it all the same and the check cannot tell, the reason says it is an approximation.
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html
import type { PolicyModel } from '../policy/model';
import { ActionSpace, describePseudo } from './actionSpace';
import { conditionsImply } from './conditionImplication';
import { negateEntry } from './conditionNegation';
import { hasWildcardOrVariable, patternsMayOverlap } from './patterns';
import { principalCells } from './principals';
import { resourceCells, statementCoversResources, statementMayMeetResources } from './resources';
import { listed, readStatements, statementLabel, type CheckStatement } from './statements';
import { DEFAULT_BUDGET, WorkBudget, type CheckOptions, type CheckReason, type CheckReasonDetail, type CheckResult, type PolicyTypeInput } from './types';

export interface AccessToCheck {
  actions?: string[];
  resources?: string[];
}

export class AccessListError extends Error {}

/** The API's `access` list, checked: 1 to 100 entries, each with actions or resources. */
export function readAccessList(raw: unknown): AccessToCheck[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new AccessListError('access must be a non-empty JSON array of {"actions": [...], "resources": [...]}');
  return raw.map((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new AccessListError(`access[${i}] must be an object`);
    const e = entry as Record<string, unknown>;
    const list = (name: string): string[] | undefined => {
      const v = e[name];
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new AccessListError(`access[${i}].${name} must be an array of strings`);
      return v as string[];
    };
    const actions = list('actions');
    const resources = list('resources');
    const unknown = Object.keys(e).filter((k) => k !== 'actions' && k !== 'resources');
    if (unknown.length) throw new AccessListError(`access[${i}] has unknown field ${unknown.join(', ')}`);
    if (!actions?.length && !resources?.length) throw new AccessListError(`access[${i}] needs actions or resources`);
    return { ...(actions?.length ? { actions } : {}), ...(resources?.length ? { resources } : {}) };
  });
}

/**
 * Known to leave some request of the Allow alone: the Deny has an entry whose negation (exact,
 * or the part "key absent") can be written, on a key the Allow's condition does not constrain, so
 * some request meets the Allow and escapes the Deny (the request context may hold any keys).
 */
function leavesSome(a: CheckStatement, d: CheckStatement, options: CheckOptions): boolean {
  return d.conditions.some((e) => !a.conditions.some((c) => c.lowerKey === e.lowerKey) && negateEntry(e, options.data) !== undefined);
}

export function checkAccessNotGranted(policy: PolicyModel | string, _policyType: PolicyTypeInput, access: AccessToCheck[], options: CheckOptions): CheckResult {
  const { statements } = readStatements(policy);
  const space = new ActionSpace(options.data, statements, access.flatMap((a) => a.actions ?? []));
  const budget = new WorkBudget(options.budget ?? DEFAULT_BUDGET);
  const allows = statements.filter((s) => s.effect === 'Allow');
  const denies = statements.filter((s) => s.effect === 'Deny' && principalCells(s).every((c) => c.kind === 'everyone'));
  const reasons: CheckReason[] = [];
  const details: CheckReasonDetail[] = [];
  for (const a of allows) {
    // A Deny whose condition holds whenever the Allow's does denies every request the Allow grants.
    const takingAll = denies.filter((d) => conditionsImply(a.conditions, d.conditions));
    const unsure = denies.filter((d) => !takingAll.includes(d) && !leavesSome(a, d, options));
    const granted = new Set<string>();
    const grantedPatterns = new Set<string>();
    const onResources = new Set<string>();
    for (const entry of access) {
      if (!budget.spend(1 + denies.length)) break;
      const resources = entry.resources ?? ['*'];
      const aActions = space.actionsOf(a);
      const wanted = entry.actions ? space.matchPatterns(entry.actions) : aActions;
      for (const r of resources) {
        const cell = { kind: 'pattern' as const, pattern: r };
        if (!statementMayMeetResources(a, cell)) continue;
        // The Deny must cover the listed resource, or every resource the Allow names.
        const covering = takingAll.filter((d) => statementCoversResources(d, cell) || resourceCells(a).every((rc) => statementCoversResources(d, rc)));
        const denied = (x: string) => covering.some((d) => space.actionsOf(d).has(x));
        let hit = false;
        for (const x of wanted) {
          if (aActions.has(x) && !denied(x)) {
            granted.add(space.displayName(x));
            hit = true;
          }
        }
        // Listed wildcard actions also reach actions the reference does not list yet.
        for (const p of entry.actions ?? []) {
          if (!hasWildcardOrVariable(p)) continue;
          const meets = space.mayMeetPseudo(a, { kind: 'pattern', pattern: p });
          const deniedAll = covering.some((d) => space.coversPseudo(d, { kind: 'pattern', pattern: p }));
          if (meets && !deniedAll && ![...granted].some((g) => patternsMayOverlap(p, g, true))) {
            grantedPatterns.add(describePseudo({ kind: 'pattern', pattern: p }));
            hit = true;
          }
        }
        if (!entry.actions && !hit && space.pseudoOf(a).some((p) => !covering.some((d) => space.coversPseudo(d, p)))) {
          grantedPatterns.add(listed(space.pseudoOf(a).map(describePseudo), 2));
          hit = true;
        }
        if (hit) onResources.add(r);
      }
    }
    if (granted.size === 0 && grantedPatterns.size === 0) continue;
    const what = [...[...granted].sort(), ...grantedPatterns];
    const maybeAll = unsure.filter((d) => [...onResources].some((r) => statementMayMeetResources(d, { kind: 'pattern', pattern: r })));
    const approximation = maybeAll.length
      ? ` (an approximation: the conditional Deny ${maybeAll.map(statementLabel).join(', ')} may deny these requests too, and the check cannot tell whether it denies all of them)`
      : '';
    reasons.push({
      description: `Access granted in ${statementLabel(a)}: it allows ${listed(what)} on ${listed([...onResources])}${a.conditions.length ? ' (when its condition is met)' : ''}${approximation}.`,
      statementIndex: a.index,
      ...(a.sid ? { statementId: a.sid } : {}),
    });
    details.push({ statementIndex: a.index, actions: [...granted].sort() });
  }
  if (budget.exhausted) {
    return { result: 'FAIL', message: 'The check was cut short: the policy is too large to compare within the bound, so granted access cannot be ruled out.', reasons, details, truncated: true };
  }
  if (reasons.length === 0) return { result: 'PASS', message: 'The policy grants none of the listed access.', reasons: [], details: [] };
  return { result: 'FAIL', message: `The policy grants listed access in ${reasons.length} statement${reasons.length === 1 ? '' : 's'}.`, reasons, details };
}


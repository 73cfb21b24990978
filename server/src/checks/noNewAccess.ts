// CheckNoNewAccess, offline: does the new policy allow any request (principal, action, resource,
// context) that the existing one does not? Decided over the statements, not by sampling
// requests: every Allow statement of the new policy is split into cells (one resource pattern ×
// one principal), and each cell's actions must be reached by existing Allow statements whose
// resources and principals contain the cell and whose conditions the new statement's conditions
// imply. Existing Denies the new policy no longer applies give their actions back; new
// unconditional Denies take actions away, and a new conditional Deny takes away what its
// condition covers where that can be decided exactly (see denyTakeaway). Whatever cannot be shown contained is new access, so
// the check may fail a change that is in fact safe, but never passes one that is not; where a
// FAIL comes from such an approximation, its reason says so.
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-custom-policy-checks.html
import type { PolicyModel } from '../policy/model';
import { ActionSpace, describePseudo, type PseudoAction } from './actionSpace';
import { comparedExactly, conditionsImply, describeCondition, entryImplies, unimpliedEntries, type CheckCondition } from './conditionImplication';
import { negateEntry } from './conditionNegation';
import {
  describePrincipalCell,
  principalCells,
  statementCoversPrincipals,
  statementMayMeetPrincipals,
  type PrincipalCell,
} from './principals';
import { describeResourceCell, resourceCells, statementCoversResources, statementMayMeetResources, type ResourceCell } from './resources';
import { listed, readStatements, statementLabel, type CheckStatement } from './statements';
import { DEFAULT_BUDGET, WorkBudget, type CheckOptions, type CheckReason, type CheckReasonDetail, type CheckResult, type PolicyTypeInput } from './types';

interface DroppedDeny {
  deny: CheckStatement;
  actions: Set<string>;
  pseudo: PseudoAction[];
}

export function checkNoNewAccess(existing: PolicyModel | string, next: PolicyModel | string, _policyType: PolicyTypeInput, options: CheckOptions): CheckResult {
  const old = readStatements(existing).statements;
  const neu = readStatements(next).statements;
  const space = new ActionSpace(options.data, [...old, ...neu]);
  const budget = new WorkBudget(options.budget ?? DEFAULT_BUDGET);
  const oldAllows = old.filter((s) => s.effect === 'Allow');
  const oldDenies = old.filter((s) => s.effect === 'Deny');
  const newDenies = neu.filter((s) => s.effect === 'Deny');
  const unconditionalNewDenies = newDenies.filter((d) => d.conditions.length === 0);
  const oldKeys = new Set(oldAllows.map(statementKey));

  const dropped = droppedDenies(oldDenies, newDenies, space, budget);
  const reasons: CheckReason[] = [];
  const details: CheckReasonDetail[] = [];

  for (const s of neu) {
    if (s.effect !== 'Allow' || budget.exhausted) continue;
    // The same statement as before grants nothing new by itself (only a dropped Deny can).
    const unchanged = oldKeys.has(statementKey(s));
    if (unchanged && dropped.length === 0) continue;
    const sActions = space.actionsOf(s);
    const sPseudo = space.pseudoOf(s);
    const parts: string[] = [];
    const newActions = new Set<string>();
    for (const rc of resourceCells(s)) {
      for (const pc of principalCells(s)) {
        if (!budget.spend(1 + oldAllows.length + newDenies.length + dropped.length)) break;
        const denied = unconditionalNewDenies.filter((d) => statementCoversResources(d, rc) && statementCoversPrincipals(d, pc));
        const isDenied = (a: string) => denied.some((d) => space.actionsOf(d).has(a));
        const found: string[] = [];
        const foundPseudo: PseudoAction[] = [];
        let conditionNote = '';
        if (!unchanged) {
          // Each alternative of the new condition must be covered, possibly by different statements.
          const placed = oldAllows.filter((e) => statementCoversResources(e, rc) && statementCoversPrincipals(e, pc));
          const variants = conditionVariants(s.conditions);
          budget.spend(variants.length * placed.length);
          const qualifying = variants.map((v) => placed.filter((e) => conditionsImply(v, e.conditions)));
          const conditional = newDenies.filter((d) => d.conditions.length > 0 && statementCoversResources(d, rc) && statementCoversPrincipals(d, pc));
          budget.spend(variants.length * conditional.length * (1 + placed.length));
          const takeaways = variants.map((v) => conditional.map((d) => denyTakeaway(v, d, placed, options)));
          const covered = (covers: (st: CheckStatement) => boolean): boolean =>
            variants.every((_, i) => qualifying[i].some(covers) || conditional.some((d, j) => covers(d) && takesAway(takeaways[i][j], covers)));
          for (const a of sActions) if (!isDenied(a) && !covered((st) => space.actionsOf(st).has(a))) found.push(a);
          for (const p of sPseudo) {
            if (!denied.some((d) => space.coversPseudo(d, p)) && !covered((st) => space.coversPseudo(st, p))) foundPseudo.push(p);
          }
          if (found.length > 0 || foundPseudo.length > 0) {
            conditionNote = conditionChange(s, found, rc, pc, oldAllows, space);
            conditionNote += approximationNote(variants, qualifying, found, placed, conditional, takeaways, space, options);
          }
        }
        const viaDeny: string[] = [];
        const denyNotes: string[] = [];
        for (const d of dropped) {
          if (!statementMayMeetResources(d.deny, rc) || !statementMayMeetPrincipals(d.deny, pc)) continue;
          const foundSet = new Set(found);
          const back = [...d.actions].filter((a) => sActions.has(a) && !isDenied(a) && !foundSet.has(a));
          const backPseudo = d.pseudo.filter((p) => space.mayMeetPseudo(s, p));
          if (back.length === 0 && backPseudo.length === 0) continue;
          viaDeny.push(...back);
          denyNotes.push(
            `the existing policy's Deny ${statementLabel(d.deny)} on ${listed([...back.map((a) => space.displayName(a)), ...backPseudo.map(describePseudo)], 5)} is gone or narrower in the new policy`,
          );
        }
        if (found.length === 0 && foundPseudo.length === 0 && viaDeny.length === 0) continue;
        for (const a of [...found, ...viaDeny]) newActions.add(space.displayName(a));
        const what = [...found.map((a) => space.displayName(a)).sort(), ...foundPseudo.map(describePseudo)];
        const who = pc.kind === 'everyone' && !s.principals ? '' : ` to ${describePrincipalCell(pc)}`;
        if (what.length > 0) parts.push(`allows ${listed(what)} on ${describeResourceCell(rc)}${who}${conditionNote}`);
        if (denyNotes.length > 0) parts.push(`allows ${listed(viaDeny.map((a) => space.displayName(a)).sort())} on ${describeResourceCell(rc)}${who} because ${denyNotes.join('; ')}`);
      }
    }
    if (parts.length === 0) continue;
    reasons.push({
      description: `New access in ${statementLabel(s)}: it ${parts.join('; it ')}.`,
      statementIndex: s.index,
      ...(s.sid ? { statementId: s.sid } : {}),
    });
    details.push({ statementIndex: s.index, actions: [...newActions].sort() });
  }

  if (budget.exhausted) {
    return {
      result: 'FAIL',
      message: `The check was cut short: the policies are too large to compare within ${options.budget ?? DEFAULT_BUDGET} statement comparisons, so new access cannot be ruled out.`,
      reasons,
      details,
      truncated: true,
    };
  }
  if (reasons.length === 0) return { result: 'PASS', message: 'The new policy grants no access that the existing policy does not.', reasons: [], details: [] };
  return {
    result: 'FAIL',
    message: `The new policy grants access that the existing policy does not, in ${reasons.length} statement${reasons.length === 1 ? '' : 's'}.`,
    reasons,
    details,
  };
}

/**
 * What a conditional Deny of the new policy takes from one alternative `v` of a new Allow's
 * condition. The Allow still grants "v and not D"; D's entries are ANDed, so "not D" is "not d1 or
 * not d2 …", and each of those must be empty (v implies that entry of D) or covered by an
 * existing statement. Each entry's negation is exact or only a part of it (conditionNegation.ts);
 * `undefined` marks an entry with neither, so the Deny is not counted and the reason says so.
 */
type DenyTakeaway = Array<'implied' | { exact: boolean; by: CheckStatement[] }> | undefined;

function denyTakeaway(v: CheckCondition[], deny: CheckStatement, placed: CheckStatement[], options: CheckOptions): DenyTakeaway {
  const out: Array<'implied' | { exact: boolean; by: CheckStatement[] }> = [];
  for (const entry of deny.conditions) {
    if (v.some((g) => entryImplies(g, entry))) {
      out.push('implied');
      continue;
    }
    const negation = negateEntry(entry, options.data);
    if (!negation) return undefined;
    const rest = [...v, ...negation.entries];
    out.push({ exact: negation.exact, by: placed.filter((e) => conditionsImply(rest, e.conditions)) });
  }
  return out;
}

/** The Deny takes the action away for this alternative: every part of "not D" is empty or covered. */
function takesAway(t: DenyTakeaway, covers: (st: CheckStatement) => boolean): boolean {
  return t !== undefined && t.every((x) => x === 'implied' || (x.exact && x.by.some(covers)));
}

/** Whether it is known that the Deny leaves some request alone: a part of "not D" nothing covers. */
function leavesSomething(t: DenyTakeaway, covers: (st: CheckStatement) => boolean): boolean {
  return t !== undefined && t.some((x) => x !== 'implied' && !x.by.some(covers));
}

/**
 * Where a FAIL may be too strict, the reason says so: a conditional Deny whose condition the
 * check cannot negate exactly, several existing statements that might cover the request only
 * together (conditions are compared one statement at a time), two entries on one key that are
 * not compared value by value (comparedExactly), or a condition compared as a whole because it
 * has too many alternatives.
 */
function approximationNote(
  variants: CheckCondition[][],
  qualifying: CheckStatement[][],
  found: string[],
  placed: CheckStatement[],
  conditional: CheckStatement[],
  takeaways: DenyTakeaway[][],
  space: ActionSpace,
  options: CheckOptions,
): string {
  const notes: string[] = [];
  // Only the alternatives no single existing statement covers, for some newly reached action.
  const open = (a: string) => variants.map((_, i) => i).filter((i) => !qualifying[i].some((e) => space.actionsOf(e).has(a)));
  const undecided = conditional.filter((d, j) =>
    found.some((a) => {
      const covers = (st: CheckStatement) => space.actionsOf(st).has(a);
      return covers(d) && open(a).some((i) => !takesAway(takeaways[i][j], covers) && !leavesSomething(takeaways[i][j], covers));
    }),
  );
  if (undecided.length > 0) {
    notes.push(`the conditional Deny ${undecided.map(statementLabel).join(', ')} may take some of it away, but its condition cannot be negated exactly`);
  }
  // Statements whose conditions are disjoint from the alternative cannot help cover it, alone or together.
  const meetingByVariant = variants.map((v) => placed.filter((e) => e.conditions.length > 0 && !disjoint(v, e, options)));
  const together = new Set<CheckStatement>();
  for (const a of found) {
    for (const i of open(a)) {
      const meeting = meetingByVariant[i].filter((e) => space.actionsOf(e).has(a));
      if (meeting.length > 1) for (const e of meeting) together.add(e);
    }
    if (together.size > 0) break;
  }
  if (together.size > 0) {
    notes.push(`${[...together].map(statementLabel).join(' and ')} might cover it together, but conditions are compared one statement at a time`);
  }
  const uncompared = uncomparedPair(variants, found, placed, open, space);
  if (uncompared) notes.push(`${describeCondition(uncompared[0])} is compared with ${describeCondition(uncompared[1])} of the existing ${statementLabel(uncompared[2])} by its written form only`);
  if (countAlternatives(variants[0]) > MAX_CONDITION_VARIANTS) notes.push('the condition has too many alternatives to compare one by one');
  return notes.length > 0 ? ` (an approximation: ${notes.join('; ')})` : '';
}

/** A new entry and an existing one on the same key whose "not implied" is not a proven answer. */
function uncomparedPair(
  variants: CheckCondition[][],
  found: string[],
  placed: CheckStatement[],
  open: (a: string) => number[],
  space: ActionSpace,
): [CheckCondition, CheckCondition, CheckStatement] | undefined {
  // The first newly reached actions are enough to say that some comparison was not exact.
  for (const a of found.slice(0, MAX_NOTED_ACTIONS)) {
    for (const i of open(a)) {
      for (const e of placed) {
        if (!space.actionsOf(e).has(a)) continue;
        for (const r of unimpliedEntries(variants[i], e.conditions)) {
          const g = variants[i].find((x) => !comparedExactly(x, r));
          if (g) return [g, r, e];
        }
      }
    }
  }
  return undefined;
}

/** No request meets both: `v` implies the exact negation of one of the statement's entries. */
function disjoint(v: CheckCondition[], e: CheckStatement, options: CheckOptions): boolean {
  return e.conditions.some((r) => {
    const negation = negateEntry(r, options.data);
    return negation?.exact === true && conditionsImply(v, negation.entries);
  });
}

function countAlternatives(conditions: CheckCondition[]): number {
  return conditions.reduce((n, c) => n * (splittable(c) ? c.values.length : 1), 1);
}

/** A positive operator without a set qualifier, with several values: "any one of them". */
function splittable(c: CheckCondition): boolean {
  const r = c.read;
  return !!r.facts && !r.problem && !r.facts.negated && !r.qualifier && r.facts.family !== 'Null' && c.values.length > 1;
}

/** How many newly reached actions the approximation note looks at. */
const MAX_NOTED_ACTIONS = 50;

/** More alternatives than this and the condition is compared whole. */
const MAX_CONDITION_VARIANTS = 32;

/**
 * A condition as alternatives: an entry with several values under a positive operator without a
 * set qualifier holds when any one value does (Regions [a, b] is "a or b"), so the new statement
 * is covered when each alternative is, by whichever existing statement.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
function conditionVariants(conditions: CheckCondition[]): CheckCondition[][] {
  let variants: CheckCondition[][] = [[]];
  for (const c of conditions) {
    const choices = splittable(c) ? c.values.map((v) => ({ ...c, values: [v] })) : [c];
    if (variants.length * choices.length > MAX_CONDITION_VARIANTS) return [conditions];
    variants = variants.flatMap((v) => choices.map((choice) => [...v, choice]));
  }
  return variants;
}

/** Old Denies whose actions no new Deny covers for all of the old one's resources, principals and conditions. */
function droppedDenies(oldDenies: CheckStatement[], newDenies: CheckStatement[], space: ActionSpace, budget: WorkBudget): DroppedDeny[] {
  const out: DroppedDeny[] = [];
  const newKeys = new Set(newDenies.map(statementKey));
  for (const d of oldDenies) {
    if (newKeys.has(statementKey(d))) continue;
    budget.spend(1 + newDenies.length);
    const covering = newDenies.filter(
      (n) =>
        resourceCells(d).every((rc) => statementCoversResources(n, rc)) &&
        principalCells(d).every((pc) => statementCoversPrincipals(n, pc)) &&
        conditionsImply(d.conditions, n.conditions),
    );
    const actions = new Set<string>();
    for (const a of space.actionsOf(d)) if (!covering.some((n) => space.actionsOf(n).has(a))) actions.add(a);
    const pseudo = space.pseudoOf(d).filter((p) => !covering.some((n) => space.coversPseudo(n, p)));
    if (actions.size > 0 || pseudo.length > 0) out.push({ deny: d, actions, pseudo });
  }
  return out;
}

/** Why an existing statement that reaches these actions does not cover the cell: its condition. */
function conditionChange(s: CheckStatement, actions: string[], rc: ResourceCell, pc: PrincipalCell, oldAllows: CheckStatement[], space: ActionSpace): string {
  const near = oldAllows.find(
    (e) =>
      e.conditions.length > 0 &&
      statementCoversResources(e, rc) &&
      statementCoversPrincipals(e, pc) &&
      actions.some((a) => space.actionsOf(e).has(a)) &&
      !conditionsImply(s.conditions, e.conditions),
  );
  if (!near) return '';
  const notes = unimpliedEntries(s.conditions, near.conditions).map((c) => {
    const widened = s.conditions.some((x) => x.lowerKey === c.lowerKey);
    return `${widened ? 'widens' : 'drops'} the condition ${describeCondition(c)} of the existing ${statementLabel(near)}`;
  });
  return notes.length ? `, and ${notes.join(', ')}` : '';
}

/** Statements equal up to order and case where IAM ignores case (actions, keys, operators). */
function statementKey(s: CheckStatement): string {
  const sorted = (xs: string[]) => [...xs].sort();
  return JSON.stringify([
    s.effect,
    s.actions.not,
    sorted(s.actions.patterns.map((p) => p.toLowerCase())),
    s.resources.not,
    sorted(s.resources.patterns),
    s.principals ? [s.principals.not, sorted(s.principals.entries.map((e) => `${e.kind}\u0000${e.value}`))] : null,
    sorted(s.conditions.map((c) => JSON.stringify([c.operator.toLowerCase(), c.lowerKey, sorted(c.values)]))),
  ]);
}

// Actions as finite sets: every action of the IAM service reference (server/src/data/iamData.ts)
// plus any literal action a policy names that the reference does not list. A wildcard or
// NotAction also reaches actions AWS adds later; those are kept as symbolic "pseudo actions"
// (the pattern itself) and compared pattern against pattern, so a new `s3:Get*` is never passed
// because today's list of s3:Get actions happens to be covered.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
import type { IamData } from '../data/iamData';
import { wildcardMatch } from '../iam/wildcard';
import { hasWildcardOrVariable, patternContains, patternsMayOverlap } from './patterns';
import type { CheckStatement } from './statements';

export type PseudoAction = { kind: 'pattern'; pattern: string } | { kind: 'allBut'; patterns: string[] };

/** The reference's actions, lower-cased, built once per loaded reference. */
const referenceActions = new WeakMap<IamData, { names: Map<string, string>; universe: string[]; universeSet: ReadonlySet<string> }>();

function referenceOf(data: IamData): { names: Map<string, string>; universe: string[]; universeSet: ReadonlySet<string> } {
  let ref = referenceActions.get(data);
  if (!ref) {
    const names = new Map<string, string>();
    for (const a of data.allActions()) names.set(`${a.service}:${a.name}`.toLowerCase(), `${a.service}:${a.name}`);
    ref = { names, universe: [...names.keys()], universeSet: new Set(names.keys()) };
    referenceActions.set(data, ref);
  }
  return ref;
}

export class ActionSpace {
  /** Lower-cased `service:name` → the name as AWS writes it (the reference's, shared). */
  private readonly names: Map<string, string>;
  /** Literal actions the policies name that the reference does not list, with their names as written. */
  private readonly extraNames = new Map<string, string>();
  private readonly extras: string[] = [];
  private readonly universe: string[];
  private readonly sets = new WeakMap<CheckStatement, Set<string>>();
  private readonly patternSets = new WeakMap<CheckStatement, Set<string>>();

  constructor(
    private readonly data: IamData,
    statements: readonly CheckStatement[],
    moreActions: readonly string[] = [],
  ) {
    const ref = referenceOf(data);
    this.names = ref.names;
    for (const patterns of [...statements.map((st) => st.actions.patterns), moreActions]) {
      for (const p of patterns) {
        const lower = p.toLowerCase();
        if (!hasWildcardOrVariable(p) && p.includes(':') && !this.names.has(lower) && !this.extraNames.has(lower)) {
          this.extraNames.set(lower, p);
          this.extras.push(lower);
        }
      }
    }
    this.universe = this.extras.length ? [...ref.universe, ...this.extras] : ref.universe;
  }

  private known(lower: string): boolean {
    return this.names.has(lower) || this.extraNames.has(lower);
  }

  displayName(lower: string): string {
    return this.names.get(lower) ?? this.extraNames.get(lower) ?? lower;
  }

  /** The actions the statement's Action or NotAction reaches today, lower-cased. */
  actionsOf(st: CheckStatement): Set<string> {
    let set = this.sets.get(st);
    if (set) return set;
    const matched = this.matchPatterns(st.actions.patterns);
    if (st.actions.not) {
      set = new Set();
      for (const a of this.universe) if (!matched.has(a)) set.add(a);
    } else set = matched;
    this.sets.set(st, set);
    return set;
  }

  /** The actions a list of patterns (`s3:Get*`, `*`, a literal) names today. */
  matchPatterns(patterns: readonly string[]): Set<string> {
    // `*` names every action: the reference's own set, shared and never changed (copying ~18,000
    // actions per statement per check was most of a check's time).
    if (this.extras.length === 0 && patterns.includes('*')) return referenceOf(this.data).universeSet as Set<string>;
    const out = new Set<string>();
    for (const p of patterns) {
      if (p === '*') {
        for (const a of this.universe) out.add(a);
        continue;
      }
      const lower = p.toLowerCase();
      if (!hasWildcardOrVariable(p)) {
        if (this.known(lower)) out.add(lower);
        continue;
      }
      for (const a of this.data.actionsMatching(p)) out.add(`${a.service}:${a.name}`.toLowerCase());
      // Literal unknown actions written elsewhere in the policies.
      for (const a of this.extras) if (!out.has(a) && wildcardMatch(lower, a)) out.add(a);
    }
    return out;
  }

  /** What else the statement reaches: actions the reference does not list yet. */
  pseudoOf(st: CheckStatement): PseudoAction[] {
    if (st.actions.not) return [{ kind: 'allBut', patterns: st.actions.patterns }];
    return st.actions.patterns.filter((p) => hasWildcardOrVariable(p)).map((pattern) => ({ kind: 'pattern', pattern }));
  }

  /** Every action the pseudo action stands for is reached by the statement. */
  coversPseudo(st: CheckStatement, pseudo: PseudoAction): boolean {
    if (!st.actions.not) {
      if (pseudo.kind === 'pattern') return this.loweredPatterns(st).has(pseudo.pattern.toLowerCase()) || st.actions.patterns.some((q) => patternContains(q, pseudo.pattern, true));
      return st.actions.patterns.includes('*');
    }
    // NotAction [N]: reaches p when p shares no action with any of N.
    if (pseudo.kind === 'pattern') return st.actions.patterns.every((q) => !patternsMayOverlap(q, pseudo.pattern, true));
    // All but N_new is inside all but N_old when every N_old pattern is inside some N_new one.
    return st.actions.patterns.every((q) => pseudo.patterns.some((p) => patternContains(p, q, true)));
  }

  /** The statement's action patterns lower-cased: the same pattern again is covered without comparing. */
  private loweredPatterns(st: CheckStatement): Set<string> {
    let set = this.patternSets.get(st);
    if (!set) {
      set = new Set(st.actions.patterns.map((p) => p.toLowerCase()));
      this.patternSets.set(st, set);
    }
    return set;
  }

  /** The statement may reach some action the pseudo action stands for. */
  mayMeetPseudo(st: CheckStatement, pseudo: PseudoAction): boolean {
    if (pseudo.kind === 'allBut') return true;
    if (!st.actions.not) return st.actions.patterns.some((q) => patternsMayOverlap(q, pseudo.pattern, true));
    return !st.actions.patterns.some((q) => patternContains(q, pseudo.pattern, true));
  }
}

export function describePseudo(p: PseudoAction): string {
  return p.kind === 'pattern'
    ? `actions matching ${p.pattern} that the IAM reference does not list yet`
    : `actions other than ${p.patterns.join(', ')} that the IAM reference does not list yet`;
}

import { hasWildcard, wildcardMatch } from '../../data/wildcard';
import type { ScalarValue } from '../../policy/model';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

/**
 * An entry of an Action list whose every action another entry of the same list already
 * covers (`iam:GetUser` beside `iam:Get*`). Unknown actions are left to INVALID_ACTION.
 */
export const redundantAction: LintRule = {
  code: 'REDUNDANT_ACTION',
  type: 'SUGGESTION',
  check({ model, data }, report) {
    for (const st of model.statements) {
      const values = stringValues(st.action?.values).filter((v) => v.text === '*' || v.text.includes(':'));
      const wildcards = values.filter((v) => hasWildcard(v.text));
      // Only patterns of the same service (or with a wildcard service part) can cover an entry.
      const byService = new Map<string, ScalarValue[]>();
      const anyService: ScalarValue[] = [];
      for (const w of wildcards) {
        const service = serviceOf(w.text);
        if (service === undefined || hasWildcard(service)) anyService.push(w);
        else byService.set(service, [...(byService.get(service) ?? []), w]);
      }
      const candidates = (v: ScalarValue) => [...anyService, ...(byService.get(serviceOf(v.text) ?? '') ?? [])];
      // Most Action lists hold no pattern: nothing can cover an entry, so only a duplicate is left to find.
      const noCandidates = wildcards.length === 0;
      const expansions = new Map<ScalarValue, string[]>();
      const expand = (v: ScalarValue) => {
        let names = expansions.get(v);
        if (!names) {
          names = data.actionsMatching(v.text).map((a) => `${a.service}:${a.name}`);
          expansions.set(v, names);
        }
        return names;
      };
      const seen = new Set<string>();
      for (const v of values) {
        const lower = v.text.toLowerCase();
        if (seen.has(lower)) {
          report(v.range, `The action ${v.text} is listed more than once. Remove the duplicate.`, { fix: 'removeElement' });
          continue;
        }
        seen.add(lower);
        if (noCandidates) continue;
        if (!hasWildcard(v.text)) {
          if (!data.actionExists(v.text)) continue;
          const by = candidates(v).find((w) => wildcardMatch(w.text, v.text, true));
          if (by) report(v.range, `The action ${v.text} is redundant because ${by.text} already provides it. Remove ${v.text}.`, { fix: 'removeElement' });
          continue;
        }
        const others = candidates(v).filter((w) => w !== v && w.text.toLowerCase() !== lower);
        if (others.length === 0) continue;
        const mine = expand(v);
        if (mine.length === 0) continue;
        const by = others.find((w) => {
          if (!mine.every((name) => wildcardMatch(w.text, name, true))) return false;
          // Two patterns over the same actions: keep the first, report the later one.
          return expand(w).length > mine.length || w.range.start < v.range.start;
        });
        if (by) report(v.range, `The actions matched by ${v.text} are redundant because ${by.text} already provides them. Remove ${v.text}.`, { fix: 'removeElement' });
      }
    }
  },
};

/** The service part of an action (lower case); undefined for `*`. */
function serviceOf(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon < 0 ? undefined : action.slice(0, colon).toLowerCase();
}

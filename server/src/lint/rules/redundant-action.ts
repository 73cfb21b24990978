import { wildcardMatch } from '../../iam/wildcard';
import type { ScalarValue } from '../../policy/model';
import { actionFacts, type ActionFact } from '../support/actionFacts';
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
      const values = actionFacts(st.action, data).filter((f) => f.text === '*' || f.colon >= 0);
      const wildcards = values.filter((f) => f.wildcard);
      // Only patterns of the same service (or with a wildcard service part) can cover an entry.
      const byService = new Map<string, ActionFact[]>();
      const anyService: ActionFact[] = [];
      for (const w of wildcards) {
        if (w.colon < 0 || w.wildcardService) anyService.push(w);
        else {
          const same = byService.get(w.serviceLower);
          if (same) same.push(w);
          else byService.set(w.serviceLower, [w]);
        }
      }
      const candidates = (f: ActionFact) => {
        const same = byService.get(f.colon < 0 ? '' : f.serviceLower);
        return same ? [...anyService, ...same] : anyService;
      };
      // Most Action lists hold no pattern: nothing can cover an entry, so only a duplicate is left to find.
      const noCandidates = wildcards.length === 0;
      const expansions = new Map<ScalarValue, string[]>();
      const expand = (f: ActionFact) => {
        let names = expansions.get(f.value);
        if (!names) {
          names = data.actionsMatching(f.text).map((a) => `${a.service}:${a.name}`);
          expansions.set(f.value, names);
        }
        return names;
      };
      const seen = new Set<string>();
      for (const f of values) {
        const v = f.value;
        const lower = f.lower;
        if (seen.has(lower)) {
          report(v.range, `The action ${v.text} is listed more than once. Remove the duplicate.`, { fix: 'removeElement' });
          continue;
        }
        seen.add(lower);
        if (noCandidates) continue;
        if (!f.wildcard) {
          if (!f.info) continue;
          const by = candidates(f).find((w) => wildcardMatch(w.text, v.text, true));
          if (by) report(v.range, `The action ${v.text} is redundant because ${by.text} already provides it. Remove ${v.text}.`, { fix: 'removeElement' });
          continue;
        }
        const others = candidates(f).filter((w) => w !== f && w.lower !== lower);
        if (others.length === 0) continue;
        const mine = expand(f);
        if (mine.length === 0) continue;
        const by = others.find((w) => {
          if (!mine.every((name) => wildcardMatch(w.text, name, true))) return false;
          // Two patterns over the same actions: keep the first, report the later one.
          return expand(w).length > mine.length || w.value.range.start < v.range.start;
        });
        if (by) report(v.range, `The actions matched by ${v.text} are redundant because ${by.text} already provides them. Remove ${v.text}.`, { fix: 'removeElement' });
      }
    }
  },
};

import { getNodeValue } from 'jsonc-parser';
import type { Statement } from '../../policy/model';
import type { LintRule } from '../types';

// A statement that repeats another (its Sid aside) adds nothing, and invites edits to one copy
// that leave the other granting what was meant to go.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-redundant-statement
export const redundantStatement: LintRule = {
  code: 'REDUNDANT_STATEMENT',
  type: 'SUGGESTION',
  check({ model }, report) {
    if (model.statements.length < 2) return;
    // A cheap signature first: only statements that share one are compared in full.
    const bySignature = new Map<string, number>();
    const signatures = model.statements.map((st) => {
      const sig = signature(st);
      bySignature.set(sig, (bySignature.get(sig) ?? 0) + 1);
      return sig;
    });
    const seen = new Set<string>();
    for (const [i, st] of model.statements.entries()) {
      if (st.node.type !== 'object' || bySignature.get(signatures[i])! < 2) continue;
      const key = canonical(getNodeValue(st.node), true);
      if (seen.has(key)) {
        report(st.sid?.range ?? st.effect?.range ?? { start: st.range.start, end: st.range.start + 1 }, 'The statements are redundant because they provide identical permissions. Update the policy to remove the redundant statement.');
      } else seen.add(key);
    }
  },
};

function signature(st: Statement): string {
  const list = st.action ?? st.notAction;
  const resources = st.resource ?? st.notResource;
  return `${st.effect?.value}|${st.keys.length - (st.sid ? 1 : 0)}|${list?.values.length}:${list?.values[0]?.text}|${resources?.values.length}:${resources?.values[0]?.text}|${st.condition?.entries.length}|${principalSignature(st)}`;
}

/**
 * The principals' count and least text: a trust policy's statements often differ only in whom
 * they trust. Independent of the order of the principal's keys, which the comparison sorts.
 */
function principalSignature(st: Statement): string {
  const entries = (st.principal ?? st.notPrincipal)?.entries;
  if (!entries) return '';
  let least = '';
  for (const e of entries) if (least === '' || e.value.text < least) least = e.value.text;
  return `${entries.length}:${least}`;
}

/** JSON with object keys sorted (the statement's own Sid left out); a one-element array equals its element. */
function canonical(value: unknown, top = false): string {
  if (Array.isArray(value)) return value.length === 1 ? canonical(value[0]) : `[${value.map((v) => canonical(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !(top && k === 'Sid'));
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

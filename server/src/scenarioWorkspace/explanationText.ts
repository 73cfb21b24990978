// An engine explanation made readable: a summary, plain-text detail lines, and where the
// deciding statements (or the policy that lacked an Allow) sit, as offsets in their files.
// Pure: the language server turns the offsets into positions.
import type { ConditionExplanation, Decision, ElementMatch, EvaluationRequest, Explanation, PolicyExplanation, PolicyRef, StatementExplanation } from '../engine/types';
import type { OffsetRange, PolicyModel } from '../policy/model';

/** Where a policy of the explanation came from; undefined for policies with no file (assumed ones). */
export type LocatePolicy = (ref: PolicyRef) => { file: string; model: PolicyModel | undefined } | undefined;

export interface OffsetLocation {
  file: string;
  /** The whole statement (or policy): what a link reveals. */
  range: OffsetRange;
  /** A short part of it to underline: the Sid, the Effect, or the `Statement` key. */
  anchor: OffsetRange;
  label: string;
  effect?: 'Allow' | 'Deny';
}

export interface ExplanationText {
  summary: string;
  details: string[];
  decidedBy: OffsetLocation[];
  missingAllow?: OffsetLocation;
}

export function explanationText(request: EvaluationRequest, decision: Decision, explanation: Explanation, locate: LocatePolicy): ExplanationText {
  const decidedBy: OffsetLocation[] = [];
  for (const ref of explanation.decidedBy) {
    const where = locate(ref.policy);
    if (!where) continue;
    const statement = where.model?.statements.find((s) => s.range.start === ref.range.start && s.range.end === ref.range.end);
    const anchor = statement?.sid?.range ?? statement?.effect?.range ?? ref.range;
    const name = ref.sid ? `statement "${ref.sid}"` : `statement #${ref.index + 1}`;
    decidedBy.push({ file: where.file, range: ref.range, anchor, label: `${policyLabel(ref.policy)} ${name}`, effect: ref.effect });
  }
  return {
    summary: explanation.summary,
    details: detailLines(request, decision, explanation),
    decidedBy,
    missingAllow: explanation.missingAllow && missingAllowLocation(explanation.missingAllow, explanation.policies, locate),
  };
}

function missingAllowLocation(ref: PolicyRef, policies: readonly PolicyExplanation[], locate: LocatePolicy): OffsetLocation | undefined {
  const where = locate(ref);
  // The engine names a policy that was not given ("no session policy") with a ref to nothing.
  const policy = policies.find((p) => sameRef(p.ref, ref));
  if (!where || !policy) return undefined;
  const anchor = where.model?.statementKeyRange ?? { start: policy.range.start, end: Math.min(policy.range.end, policy.range.start + 1) };
  return { file: where.file, range: policy.range, anchor, label: policyLabel(policy.ref) };
}

function sameRef(a: PolicyRef, b: PolicyRef): boolean {
  return a.type === b.type && a.index === b.index && (a.level ?? 0) === (b.level ?? 0);
}

const TYPE_WORDS: Record<PolicyRef['type'], string> = {
  identity: 'identity policy',
  resource: 'resource policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'SCP',
  rcp: 'RCP',
};

function policyLabel(ref: PolicyRef): string {
  const level = ref.level !== undefined && (ref.type === 'scp' || ref.type === 'rcp') ? ` (organisation level ${ref.level + 1})` : '';
  return `${ref.label}${level}`;
}

/** The request, each policy with each statement's verdict, the notes: what a person checks first. */
export function detailLines(request: EvaluationRequest, decision: Decision, explanation: Explanation): string[] {
  const lines: string[] = [];
  lines.push(`Decision: ${decision}`);
  lines.push(`Request: ${request.principal || '(no principal)'} calls ${request.action} on ${request.resource}`);
  if (explanation.principalAccount || explanation.resourceAccount) {
    const accounts = `caller account ${explanation.principalAccount ?? 'unknown'}, resource account ${explanation.resourceAccount ?? 'unknown'}`;
    lines.push(`Accounts: ${accounts}${explanation.crossAccount ? ' (cross-account)' : ''}`);
  }
  const given = Object.entries(request.context ?? {});
  if (given.length > 0) lines.push(`Context: ${given.map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join(', ')}`);
  lines.push('');
  for (const policy of explanation.policies) {
    const verdict = !policy.applicable ? 'does not apply' : policy.denies ? 'denies' : policy.allows ? 'allows' : 'no statement applies';
    lines.push(`${policyLabel(policy.ref)} (${TYPE_WORDS[policy.ref.type]}): ${verdict}${policy.note ? ` — ${policy.note}` : ''}`);
    for (const st of policy.statements) lines.push(`  ${statementLine(st)}`);
  }
  for (const related of explanation.related) {
    lines.push('', `${related.reason} needs ${related.action}: ${related.decision} — ${related.explanation.summary}`);
  }
  if (explanation.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of explanation.notes) lines.push(`  - ${note}`);
  }
  return lines;
}

function statementLine(st: StatementExplanation): string {
  const name = st.sid ? `"${st.sid}"` : `#${st.index + 1}`;
  const parts = [elementPart('action', st.action), elementPart('resource', st.resource)];
  if (st.principal) parts.push(elementPart('principal', st.principal));
  if (st.conditions.length > 0) parts.push(`conditions ${st.conditionsMatch ? 'match' : 'do not match'} (${st.conditions.map(conditionPart).join('; ')})`);
  return `${st.applies ? '✓' : '✗'} ${st.effect} ${name}: ${parts.join(', ')}`;
}

function elementPart(word: string, match: ElementMatch): string {
  const via = match.element === 'absent' || match.element === 'implied' ? '' : ` (${match.element}${match.matched.length ? ` ${match.matched.map((m) => m.value).join(', ')}` : ''})`;
  return `${word} ${match.matches ? 'matches' : 'does not match'}${via}${match.note ? ` — ${match.note}` : ''}`;
}

function conditionPart(c: ConditionExplanation): string {
  const value = c.keyPresent ? `request ${c.requestValues.length === 1 ? c.requestValues[0] : `[${c.requestValues.join(', ')}]`}` : 'key absent';
  return `${c.operator} ${c.key}: ${c.matches ? 'true' : 'false'}, ${value}${c.note ? ` — ${c.note}` : ''}`;
}

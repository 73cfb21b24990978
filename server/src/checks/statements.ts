// A policy's statements as the checks read them: effect, action patterns, resource patterns,
// principals and conditions as plain strings, with the statement's place for the reasons.
import { parsePolicyText } from '../policy/parse';
import type { OffsetRange, PolicyModel, ScalarValue, StringListElement } from '../policy/model';
import { checkCondition, type CheckCondition } from './conditionImplication';

export interface PrincipalValue {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`; `*` for the bare `"Principal": "*"`. */
  kind: string;
  value: string;
}

export interface CheckStatement {
  index: number;
  sid: string | undefined;
  range: OffsetRange;
  effect: 'Allow' | 'Deny';
  actions: { not: boolean; patterns: string[] };
  /** `Resource` absent (a trust policy) reads as every resource. */
  resources: { not: boolean; patterns: string[] };
  /** Absent in identity-side policies: every principal. */
  principals: { not: boolean; entries: PrincipalValue[] } | undefined;
  conditions: CheckCondition[];
}

export class PolicyInputError extends Error {}

/** The policy's statements; text is parsed first. Statements with an invalid Effect take no part. */
export function readStatements(policy: PolicyModel | string): { model: PolicyModel; statements: CheckStatement[] } {
  const model = typeof policy === 'string' ? parsePolicyText(policy).model : policy;
  if (!model) throw new PolicyInputError('the document is not an IAM policy (no "Statement")');
  const statements: CheckStatement[] = [];
  for (const st of model.statements) {
    const effect = st.effect?.value;
    if (effect !== 'Allow' && effect !== 'Deny') continue;
    const action = st.action ?? st.notAction;
    const resource = st.resource ?? st.notResource;
    const principal = st.principal ?? st.notPrincipal;
    statements.push({
      index: st.index,
      sid: st.sid?.value || undefined,
      range: st.range,
      effect,
      actions: { not: !st.action && !!st.notAction, patterns: action ? strings(action) : [] },
      resources: resource ? { not: !st.resource, patterns: strings(resource) } : { not: false, patterns: ['*'] },
      principals: principal
        ? { not: !st.principal, entries: principal.entries.filter((e) => e.value.jsonType === 'string').map((e) => ({ kind: e.kind, value: e.value.text })) }
        : undefined,
      conditions: (st.condition?.entries ?? []).map((e) => checkCondition(e.operator.value, e.key.value, e.values.map(scalarText))),
    });
  }
  return { model, statements };
}

function strings(list: StringListElement): string[] {
  return list.values.filter((v) => v.jsonType === 'string').map((v) => v.text);
}

function scalarText(v: ScalarValue): string {
  return v.text;
}

export function statementLabel(st: { index: number; sid?: string }): string {
  return st.sid ? `statement "${st.sid}" (index ${st.index})` : `statement ${st.index}`;
}

export function listed(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

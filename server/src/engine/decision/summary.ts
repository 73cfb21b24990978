// One-line, human summaries of a decision. Kept apart from the rules so wording changes
// never touch the logic.
import type { PolicyRef, StatementExplanation } from '../types';

export function statementName(st: StatementExplanation): string {
  return st.sid ? `statement "${st.sid}"` : `statement #${st.index + 1}`;
}

export function policyName(ref: PolicyRef): string {
  const level = ref.level !== undefined && (ref.type === 'scp' || ref.type === 'rcp') ? ` (organisation level ${ref.level + 1})` : '';
  return `${ref.label}${level}`;
}

export function where(st: StatementExplanation): string {
  return `${policyName(st.policy)} ${statementName(st)}`;
}

export function explicitDenySummary(deny: StatementExplanation, action: string): string {
  return `Explicit deny: ${where(deny)} denies ${action}.`;
}

export function allowedByIdentitySummary(allow: StatementExplanation | undefined, action: string, resource: string): string {
  return allow ? `Allowed: ${where(allow)} allows ${action} on ${resource}.` : `Allowed: ${action} on ${resource}.`;
}

const KIND_WORDS: Record<string, string> = {
  user: 'the IAM user',
  roleSession: 'the role session',
  federatedUser: 'the federated user',
  wildcard: 'everyone ("*")',
  root: 'the account root user',
  role: 'the role',
  account: 'the account',
  service: 'the service',
  federated: 'the identity provider',
};

export function principalKindWords(kind: string | undefined): string {
  return (kind && KIND_WORDS[kind]) ?? 'the caller';
}

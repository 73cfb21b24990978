// Principal and NotPrincipal compared between statements: who one statement lets in, against
// who another does. `"*"` and `{"AWS": "*"}` are everyone, anonymous callers included; an account
// (`123456789012` or its `:root` ARN) stands for every principal of that account.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
import { isAccountId, parseArn } from '../iam/arn';
import type { CheckStatement, PrincipalValue } from './statements';

/** One principal a statement names, everyone, or everyone but a list. */
export type PrincipalCell = { kind: 'everyone' } | { kind: 'one'; principal: PrincipalValue } | { kind: 'allBut'; entries: PrincipalValue[] };

export function isEveryone(p: PrincipalValue): boolean {
  return p.value === '*' && (p.kind === '*' || p.kind === 'AWS');
}

/** The cells a statement's principals split into; identity-side statements name everyone. */
export function principalCells(st: CheckStatement): PrincipalCell[] {
  const p = st.principals;
  if (!p) return [{ kind: 'everyone' }];
  if (p.not) return [{ kind: 'allBut', entries: p.entries }];
  if (p.entries.some(isEveryone)) return [{ kind: 'everyone' }];
  return p.entries.map((principal) => ({ kind: 'one', principal }));
}

/** The account a principal value belongs to, when it says. */
export function accountOf(p: PrincipalValue): string | undefined {
  if (p.kind !== 'AWS') return undefined;
  if (isAccountId(p.value)) return p.value;
  const arn = parseArn(p.value);
  return arn && isAccountId(arn.account) ? arn.account : undefined;
}

function isAccountPrincipal(p: PrincipalValue): boolean {
  return p.kind === 'AWS' && (isAccountId(p.value) || /^arn:[^:]+:iam::\d{12}:root$/.test(p.value));
}

function samePrincipal(a: PrincipalValue, b: PrincipalValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'Service') return a.value.toLowerCase() === b.value.toLowerCase();
  if (isAccountPrincipal(a) && isAccountPrincipal(b)) return accountOf(a) === accountOf(b);
  return a.value === b.value;
}

/** `outer` names every caller `inner` names. */
export function principalCovers(outer: PrincipalValue, inner: PrincipalValue): boolean {
  if (isEveryone(outer)) return true;
  if (samePrincipal(outer, inner)) return true;
  // An account principal lets the account's own IAM policies delegate to any of its principals.
  return isAccountPrincipal(outer) && accountOf(inner) !== undefined && accountOf(inner) === accountOf(outer);
}

/** Every caller of `cell` is let in by the statement's principals. */
export function statementCoversPrincipals(st: CheckStatement, cell: PrincipalCell): boolean {
  const p = st.principals;
  if (!p) return true;
  if (p.not) {
    if (cell.kind === 'one') return !p.entries.some((x) => principalCovers(x, cell.principal) || principalCovers(cell.principal, x));
    if (cell.kind === 'allBut') return p.entries.every((x) => cell.entries.some((y) => principalCovers(y, x)));
    return false;
  }
  if (p.entries.some(isEveryone)) return true;
  if (cell.kind !== 'one') return false;
  return p.entries.some((x) => principalCovers(x, cell.principal));
}

/** Some caller of `cell` may be let in by the statement's principals. */
export function statementMayMeetPrincipals(st: CheckStatement, cell: PrincipalCell): boolean {
  const p = st.principals;
  if (!p || p.not || p.entries.some(isEveryone) || cell.kind !== 'one') return true;
  return p.entries.some((x) => principalCovers(x, cell.principal) || principalCovers(cell.principal, x));
}

export function describePrincipalCell(cell: PrincipalCell): string {
  if (cell.kind === 'everyone') return 'every principal';
  if (cell.kind === 'allBut') return `every principal but ${cell.entries.map((e) => e.value).join(', ')}`;
  return cell.principal.kind === '*' ? '*' : `${cell.principal.kind} ${cell.principal.value}`;
}

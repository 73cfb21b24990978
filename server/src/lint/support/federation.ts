// Trust statements that let an identity provider's users in, and the conditions they carry.
import type { PolicyModel, PrincipalEntry, Statement } from '../../policy/model';
import { classifyFederated, type FederatedProvider } from '../../iam/principals';
import { conditionUses, isAllow, statementCoversAction, type ConditionUse } from './statements';

export interface FederatedGrant {
  statement: Statement;
  entry: PrincipalEntry;
  provider: FederatedProvider;
}

/** Allow statements × their `Federated` principals whose action lets that provider's users in. */
export function federatedGrants(model: PolicyModel): FederatedGrant[] {
  const out: FederatedGrant[] = [];
  for (const st of model.statements) {
    if (!isAllow(st)) continue;
    for (const entry of st.principal?.entries ?? []) {
      if (entry.kind !== 'Federated' || entry.value.jsonType !== 'string') continue;
      const provider = classifyFederated(entry.value.text);
      const action = provider.type === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
      if (statementCoversAction(st, action)) out.push({ statement: st, entry, provider });
    }
  }
  return out;
}

/** Conditions on `<provider>:<claim>` keys (claim undefined = any claim of that provider). */
export function providerConditions(st: Statement, host: string, claim?: string): ConditionUse[] {
  const prefix = `${host.toLowerCase()}:`;
  return conditionUses(st).filter((u) => {
    const key = u.entry.key.value.toLowerCase();
    return key.startsWith(prefix) && (claim === undefined || key === prefix + claim);
  });
}

/** Positive operators (qualifiers allowed) that limit a claim to the values listed. */
export function limitsClaim(u: ConditionUse): boolean {
  const op = u.operator;
  return op !== undefined && !op.negated && !op.ifExists && op.family !== 'Null' && op.qualifier !== 'ForAllValues' && u.entry.values.length > 0;
}

import type { Statement } from '../../policy/model';
import { conditionUses, isAllow, isRestrictingUse } from '../support/statements';
import type { LintRule } from '../types';

/** Keys that say who may call: account, organization, principal, network origin, calling service. */
const NARROWING_KEYS = new Set([
  'aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn', 'aws:userid', 'aws:username',
  'aws:principalservicename', 'aws:principalisawsservice', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner',
  'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourcevpcarn', 'aws:sourceip', 'aws:vpcsourceip',
  'aws:vpceaccount', 'aws:vpceorgid', 'aws:vpceorgpaths',
]);
/** Service keys with the same meaning (`kms:CallerAccount`, `kms:ViaService`, …). */
const NARROWING_SUFFIXES = [':calleraccount', ':viaservice', ':sourceaccount', ':sourcearn'];

export const wildcardPrincipalWithoutCondition: LintRule = {
  code: 'WILDCARD_PRINCIPAL_WITHOUT_CONDITION',
  type: 'SECURITY_WARNING',
  kinds: ['resource', 'trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (!isAllow(st) || !st.principal || narrowsCaller(st)) continue;
      const star = st.principal.entries.find((e) => e.value.text === '*' && (e.kind === '*' || e.kind === 'AWS'));
      if (!star) continue;
      report(
        star.value.range,
        'This statement allows every principal, in every account and anonymous ones, and no condition narrows who (such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceArn or aws:SourceVpce).',
        { fix: 'addPrincipalOrgId', statementIndex: st.index },
      );
    }
  },
};

function narrowsCaller(st: Statement): boolean {
  return conditionUses(st).some((u) => {
    const key = u.entry.key.value.toLowerCase();
    const narrowing = NARROWING_KEYS.has(key) || NARROWING_SUFFIXES.some((s) => key.endsWith(s));
    return narrowing && (isRestrictingUse(u) || (u.operator?.qualifier === 'ForAnyValue' && !u.operator.negated));
  });
}

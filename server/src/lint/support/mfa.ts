// Whether a trust policy requires MFA for a statement.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
// `Bool aws:MultiFactorAuthPresent true` and `NumericLessThan aws:MultiFactorAuthAge` require MFA.
// `BoolIfExists … true` in an Allow does not: requests signed with long-term keys carry no such
// key and pass. A `Deny` with `BoolIfExists … false` does: it refuses both sessions without MFA
// and requests without the key.
import type { PolicyModel, Statement } from '../../policy/model';
import { conditionsOnKey, isDeny, statementCoversAction, valueIsFalse, valueIsTrue } from './statements';

const MFA_PRESENT = 'aws:multifactorauthpresent';
const MFA_AGE = 'aws:multifactorauthage';

export function statementRequiresMfa(st: Statement): boolean {
  const present = conditionsOnKey(st, MFA_PRESENT).some(
    (u) => u.operator?.base === 'Bool' && !u.operator.ifExists && !u.operator.qualifier && u.entry.values.length > 0 && u.entry.values.every(valueIsTrue),
  );
  const age = conditionsOnKey(st, MFA_AGE).some(
    (u) => (u.operator?.base === 'NumericLessThan' || u.operator?.base === 'NumericLessThanEquals') && !u.operator.ifExists && u.entry.values.length > 0,
  );
  return present || age;
}

/** A Deny in the policy that refuses `action` whenever MFA is absent. */
export function policyDeniesWithoutMfa(model: PolicyModel, action: string): boolean {
  return model.statements.some(
    (st) =>
      isDeny(st) &&
      statementCoversAction(st, action) &&
      conditionsOnKey(st, MFA_PRESENT).some(
        (u) => u.operator?.base === 'Bool' && u.operator.ifExists && !u.operator.qualifier && u.entry.values.length > 0 && u.entry.values.every(valueIsFalse),
      ),
  );
}

import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// Keys that describe an IAM principal's organization or tags are absent when an AWS service
// calls with its service principal, so a statement whose only principals are services cannot use them.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-unsupported-condition-key-for-service-principal
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
function isIamPrincipalKey(lowerKey: string): boolean {
  return lowerKey === 'aws:principalorgid' || lowerKey === 'aws:principalorgpaths' || lowerKey.startsWith('aws:principaltag/');
}

export const unsupportedConditionKeyForServicePrincipal: LintRule = {
  code: 'UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL',
  type: 'ERROR',
  kinds: ['resource', 'trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      const block = st.principal;
      if (!block || block.wildcard || block.entries.length === 0 || !block.entries.every((e) => e.kind === 'Service')) continue;
      for (const { entry } of conditionUses(st)) {
        if (!isIamPrincipalKey(entry.key.value.toLowerCase())) continue;
        report(entry.key.range, `The following condition keys are not supported when used with the service principal: ${entry.key.value}.`);
      }
    }
  },
};

import type { LintRule } from '../types';
import { DEPRECATED_GLOBAL_KEYS } from './unsupported-global-condition-key';

// aws:ARN was replaced by aws:PrincipalArn and aws:SourceArn.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-general-warning-deprecated-global-condition-key
export const deprecatedGlobalConditionKey: LintRule = {
  code: 'DEPRECATED_GLOBAL_CONDITION_KEY',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const e of st.condition?.entries ?? []) {
        if (!DEPRECATED_GLOBAL_KEYS.has(e.key.value.toLowerCase())) continue;
        report(e.key.range, `We recommend that you update ${e.key.value} to use the newer condition keys aws:PrincipalArn or aws:SourceArn.`);
      }
    }
  },
};

import type { LintRule } from '../types';

/** `aws:ARN` predates the principal and source keys that replaced it. */
export const DEPRECATED_GLOBAL_KEYS: ReadonlySet<string> = new Set(['aws:arn']);

export const unsupportedGlobalConditionKey: LintRule = {
  code: 'UNSUPPORTED_GLOBAL_CONDITION_KEY',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const e of st.condition?.entries ?? []) {
        if (DEPRECATED_GLOBAL_KEYS.has(e.key.value.toLowerCase())) {
          report(e.key.range, `The condition key ${e.key.value} is not supported. Use aws:PrincipalArn or aws:SourceArn instead.`);
        }
      }
    }
  },
};

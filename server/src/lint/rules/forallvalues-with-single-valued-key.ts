import { isMultivaluedType } from '../../iam/condition-operators';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// ForAllValues is also true when the key is absent, so on a single-valued key it lets
// requests without the key through.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
export const forAllValuesWithSingleValuedKey: LintRule = {
  code: 'FORALLVALUES_WITH_SINGLE_VALUED_KEY',
  type: 'SECURITY_WARNING',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.qualifier !== 'ForAllValues' || operator.family === 'Null') continue;
        // Global keys only. This scope is INFERRED, not documented: the check's page does not say
        // which keys it knows as single-valued, and no page or public thread we found states it.
        // Whether a global key is multivalued is documented key by key on the global condition
        // keys page, while the reference types many multivalued service keys as String; and AWS's
        // own managed policies in the corpus use ForAllValues with
        // codestar-connections:ProviderAction and organizations:ServicePrincipal, where issue 11
        // records Access Analyzer as silent.
        if (!entry.key.value.toLowerCase().startsWith('aws:')) continue;
        const info = data.conditionKey(entry.key.value);
        if (!info || isMultivaluedType(info.type)) continue;
        report(
          entry.operator.range,
          `Using ForAllValues qualifier with the single-valued condition key ${entry.key.value} can be overly permissive: it also matches requests without the key. We recommend that you remove ForAllValues:.`,
        );
      }
    }
  },
};

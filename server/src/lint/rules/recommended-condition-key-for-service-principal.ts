import { conditionUses, isAllow } from '../support/statements';
import type { LintRule } from '../types';

// The principal keys (aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalOrgID,
// aws:PrincipalOrgPaths) describe an IAM principal; a request an AWS service makes with its own
// service principal carries none of them, so they cannot say for whom the service acts. The
// source keys can.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalaccount
// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention
const RECOMMENDED: Readonly<Record<string, string>> = {
  'aws:principalaccount': 'aws:SourceAccount',
  'aws:principalarn': 'aws:SourceArn',
  'aws:principalorgid': 'aws:SourceOrgID',
  'aws:principalorgpaths': 'aws:SourceOrgPaths',
};

export const recommendedConditionKeyForServicePrincipal: LintRule = {
  code: 'RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL',
  type: 'SUGGESTION',
  kinds: ['resource', 'trust'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (!isAllow(st) || !st.principal) continue;
      const entries = st.principal.entries;
      const service = entries.find((e) => e.kind === 'Service' && e.value.jsonType === 'string');
      // Only where every principal is a service: beside an IAM principal the key still narrows that one.
      if (!service || entries.some((e) => e.kind !== 'Service')) continue;
      for (const { entry } of conditionUses(st)) {
        const recommended = RECOMMENDED[entry.key.value.toLowerCase()];
        if (!recommended) continue;
        report(
          entry.key.range,
          `To restrict access to the service principal ${service.value.text} operating on your behalf, use ${recommended} instead of ${entry.key.value}: a service principal's own requests carry no ${entry.key.value}.`,
        );
      }
    }
  },
};

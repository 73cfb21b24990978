import { policyAnchor } from '../support/ranges';
import { byteSize, RESOURCE_POLICY_QUOTAS, formatCount } from '../support/sizeQuotas';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';
import type { PolicyModel } from '../../policy/model';

/** The quota depends on the service; it is known only when every action names one service. */
export const policySizeExceedsResourcePolicyQuota: LintRule = {
  code: 'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA',
  type: 'WARNING',
  kinds: ['resource'],
  check({ model, text }, report) {
    const service = soleService(model);
    const quota = service && RESOURCE_POLICY_QUOTAS[service];
    if (!quota) return;
    const size = byteSize(text);
    if (size > quota) report(policyAnchor(model), `The ${formatCount(size)} bytes of this ${service} resource policy exceed the ${formatCount(quota)} byte maximum.`);
  },
};

function soleService(model: PolicyModel): string | undefined {
  const services = new Set<string>();
  for (const st of model.statements) {
    for (const v of stringValues(st.action?.values)) {
      const colon = v.text.indexOf(':');
      if (colon > 0) services.add(v.text.slice(0, colon).toLowerCase());
    }
  }
  return services.size === 1 ? [...services][0] : undefined;
}

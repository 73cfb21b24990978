import { hasWildcard } from '../../iam/wildcard';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

// RCPs apply to a fixed list of services; an action of any other service is never restricted.
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
export const rcpUnsupportedService: LintRule = {
  code: 'RCP_UNSUPPORTED_SERVICE',
  type: 'WARNING',
  kinds: ['rcp'],
  check({ model, data }, report) {
    if (data.rcpSupportedServices.size === 0) return;
    for (const st of model.statements) {
      for (const v of stringValues(st.action?.values)) {
        const colon = v.text.indexOf(':');
        if (colon < 0) continue;
        const service = v.text.slice(0, colon).toLowerCase();
        if (hasWildcard(service) || !data.serviceExists(service)) continue;
        if (!data.rcpSupportedServices.has(service)) {
          report(v.range, `RCPs do not apply to ${data.serviceName(service) ?? service} (${service}); this action is never restricted by the RCP.`);
        }
      }
    }
  },
};

import { hasWildcard, wildcardMatch } from '../../data/wildcard';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

export const invalidServiceInAction: LintRule = {
  code: 'INVALID_SERVICE_IN_ACTION',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const v of [...stringValues(st.action?.values), ...stringValues(st.notAction?.values)]) {
        const colon = v.text.indexOf(':');
        if (colon <= 0 || v.text.includes('${')) continue;
        const service = v.text.slice(0, colon);
        if (hasWildcard(service)) {
          if (!data.serviceKeys().some((k) => wildcardMatch(service, k, true))) report(v.range, `The service pattern "${service}" matches no service.`);
          continue;
        }
        if (data.serviceExists(service)) continue;
        const suggestion = data.closestService(service);
        report(
          v.range,
          `The service ${service} specified in the action does not exist.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
          suggestion ? { fix: 'replaceService', suggestion } : undefined,
        );
      }
    }
  },
};

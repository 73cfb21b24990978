import { wildcardMatch } from '../../data/wildcard';
import { actionFacts, type ActionFact } from '../support/actionFacts';
import type { LintRule } from '../types';

export const invalidServiceInAction: LintRule = {
  code: 'INVALID_SERVICE_IN_ACTION',
  type: 'ERROR',
  check({ model, data }, report) {
    const visit = (facts: readonly ActionFact[]) => {
      for (const f of facts) {
        if (f.colon <= 0 || f.hasVariable) continue;
        const service = f.service;
        if (f.wildcardService) {
          if (!data.serviceKeys().some((k) => wildcardMatch(service, k, true))) report(f.value.range, `The service pattern "${service}" matches no service.`);
          continue;
        }
        if (f.serviceKnown) continue;
        const suggestion = data.closestService(service);
        report(
          f.value.range,
          `The service ${service} specified in the action does not exist.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
          suggestion ? { fix: 'replaceService', suggestion } : undefined,
        );
      }
    };
    for (const st of model.statements) {
      visit(actionFacts(st.action, data));
      visit(actionFacts(st.notAction, data));
    }
  },
};

import { hasWildcard } from '../../data/wildcard';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

/** Actions of a known service that match nothing in the Service Authorization Reference. */
export const invalidAction: LintRule = {
  code: 'INVALID_ACTION',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const v of [...stringValues(st.action?.values), ...stringValues(st.notAction?.values)]) {
        const text = v.text;
        if (text === '*' || text.includes('${')) continue;
        const colon = text.indexOf(':');
        if (colon < 0) {
          report(v.range, `The action "${text}" is not valid: write actions as service:ActionName, e.g. s3:GetObject.`);
          continue;
        }
        const service = text.slice(0, colon);
        if (hasWildcard(service) || !data.serviceExists(service)) continue;
        const name = text.slice(colon + 1);
        if (name.length === 0) {
          report(v.range, `The action "${text}" has no action name after the colon.`);
          continue;
        }
        if (hasWildcard(name)) {
          if (data.actionsMatching(text).length === 0) report(v.range, `The action pattern "${text}" matches no ${data.serviceName(service)} action.`);
          continue;
        }
        if (!data.actionExists(text)) {
          const suggestion = data.closestAction(text);
          report(
            v.range,
            `The action ${text} does not exist in ${data.serviceName(service)}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
            suggestion ? { fix: 'replaceAction', suggestion } : undefined,
          );
        }
      }
    }
  },
};

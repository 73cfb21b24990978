import { actionFacts, type ActionFact } from '../support/actionFacts';
import type { LintRule } from '../types';

/** Actions of a known service that match nothing in the Service Authorization Reference. */
export const invalidAction: LintRule = {
  code: 'INVALID_ACTION',
  type: 'ERROR',
  check({ model, data }, report) {
    const visit = (facts: readonly ActionFact[]) => {
      for (const f of facts) {
        const text = f.text;
        if (text === '*' || f.hasVariable) continue;
        if (f.colon < 0) {
          report(f.value.range, `The action "${text}" is not valid: write actions as service:ActionName, e.g. s3:GetObject.`);
          continue;
        }
        if (!f.serviceKnown) continue;
        if (f.colon === text.length - 1) {
          report(f.value.range, `The action "${text}" has no action name after the colon.`);
          continue;
        }
        if (f.wildcard) {
          if (data.actionsMatching(text).length === 0) report(f.value.range, `The action pattern "${text}" matches no ${data.serviceName(f.service)} action.`);
          continue;
        }
        if (!f.info) {
          const suggestion = data.closestAction(text);
          report(
            f.value.range,
            `The action ${text} does not exist in ${data.serviceName(f.service)}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
            suggestion ? { fix: 'replaceAction', suggestion } : undefined,
          );
        }
      }
    };
    for (const st of model.statements) {
      visit(actionFacts(st.action, data));
      visit(actionFacts(st.notAction, data));
    }
  },
};

import type { LintRule } from '../types';

/** A condition key whose prefix is neither `aws`, a service, nor an identity provider. */
export const invalidService: LintRule = {
  code: 'INVALID_SERVICE',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const st of model.statements) {
      for (const e of st.condition?.entries ?? []) {
        const key = e.key.value;
        const colon = key.indexOf(':');
        if (colon <= 0) continue;
        const prefix = key.slice(0, colon);
        if (prefix.toLowerCase() === 'aws' || data.serviceExists(prefix) || data.isFederationKeyPrefix(prefix)) continue;
        const suggestion = data.closestService(prefix);
        report(e.key.range, `The service ${prefix} does not exist. Use a valid service name.${suggestion ? ` Did you mean ${suggestion}?` : ''}`);
      }
    }
  },
};

import { prefixedConditionKeys } from '../support/statements';
import type { LintRule } from '../types';

/** A condition key whose prefix is neither `aws`, a service, nor an identity provider. */
export const invalidService: LintRule = {
  code: 'INVALID_SERVICE',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { entry, prefix } of prefixedConditionKeys(model.statements)) {
      if (prefix.toLowerCase() === 'aws' || data.serviceExists(prefix) || data.isFederationKeyPrefix(prefix)) continue;
      const suggestion = data.closestService(prefix);
      report(entry.key.range, `The service ${prefix} does not exist. Use a valid service name.${suggestion ? ` Did you mean ${suggestion}?` : ''}`);
    }
  },
};

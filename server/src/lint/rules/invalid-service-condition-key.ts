import { prefixedConditionKeys } from '../support/statements';
import type { LintRule } from '../types';

/**
 * A key whose prefix is a known service (or `saml`) but which that service does not define.
 * Keys of OIDC providers (`token.actions.githubusercontent.com:sub`) are not checked: any
 * claim of any provider can be a key.
 */
export const invalidServiceConditionKey: LintRule = {
  code: 'INVALID_SERVICE_CONDITION_KEY',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { entry, key, prefix } of prefixedConditionKeys(model.statements)) {
      if (prefix.toLowerCase() === 'aws') continue;
      const known = data.serviceExists(prefix) || (data.isFederationKeyPrefix(prefix) && !prefix.includes('.') && !prefix.includes('/'));
      if (!known || data.conditionKey(key)) continue;
      const owner = data.serviceName(prefix) ?? prefix;
      report(entry.key.range, `The condition key ${key} does not exist in the service ${owner}. Use a valid condition key.`);
    }
  },
};

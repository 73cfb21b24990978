import { isCidrText, holdsVariable } from '../support/conditionValues';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

export const typeMismatchIpRange: LintRule = {
  code: 'TYPE_MISMATCH_IP_RANGE',
  type: 'WARNING',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (operator?.family !== 'IpAddress') continue;
        for (const v of entry.values) {
          if (v.jsonType === 'object' || v.jsonType === 'array' || holdsVariable(v.text) || isCidrText(v.text)) continue;
          report(v.range, `Specify the IP range in standard CIDR format for the condition operator ${entry.operator.value}: "${v.text}" is not valid.`);
        }
      }
    }
  },
};

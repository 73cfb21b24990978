import { hasWildcard } from '../../iam/wildcard';
import { parseArn } from '../../iam/arn';
import { holdsVariable } from '../support/conditionValues';
import { isKnownRegion } from '../support/regions';
import { conditionUses, stringValues } from '../support/statements';
import type { LintRule } from '../types';

// A condition value that names a Region AWS does not have: a Region key (aws:RequestedRegion,
// ec2:Region, …) or the Region part of an ARN compared with an Arn operator. Resource ARNs are
// INVALID_ARN_REGION's. https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-region
function isRegionKey(lowerKey: string): boolean {
  const name = lowerKey.slice(lowerKey.indexOf(':') + 1);
  return name === 'requestedregion' || name === 'region';
}

function isOpen(text: string): boolean {
  return hasWildcard(text) || holdsVariable(text);
}

export const invalidRegion: LintRule = {
  code: 'INVALID_REGION',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      for (const { entry, operator } of conditionUses(st)) {
        if (!operator) continue;
        const regionKey = isRegionKey(entry.key.value.toLowerCase());
        if (!(regionKey && operator.family === 'String') && operator.family !== 'Arn') continue;
        for (const v of stringValues(entry.values)) {
          const region = regionKey && operator.family === 'String' ? v.text : parseArn(v.text)?.region;
          if (region === undefined || region === '' || isOpen(region) || isKnownRegion(region)) continue;
          report(v.range, `The Region ${region} is not valid. Update the condition value to a supported Region.`);
        }
      }
    }
  },
};

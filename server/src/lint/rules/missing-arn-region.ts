import { isOpenPart, resourceArns, serviceArnShape } from '../support/resourceArns';
import type { LintRule } from '../types';

export const missingArnRegion: LintRule = {
  code: 'MISSING_ARN_REGION',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.region !== '' || isOpenPart(arn.service)) continue;
      const shape = serviceArnShape(data, arn.service);
      if (shape?.allRegion) report(value.range, `Add a Region to the ${arn.service} resource ARN.`);
    }
  },
};

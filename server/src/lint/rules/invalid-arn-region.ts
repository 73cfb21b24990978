import { looksLikeRegion } from '../../iam/arn';
import { isOpenPart, resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

export const invalidArnRegion: LintRule = {
  code: 'INVALID_ARN_REGION',
  type: 'ERROR',
  check({ model }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.region === '' || isOpenPart(arn.region) || looksLikeRegion(arn.region)) continue;
      report(value.range, `The Region "${arn.region}" is not valid for this resource. Update the resource ARN to include a supported Region.`);
    }
  },
};

import { isOpenPart, resourceArns, serviceArnShape } from '../support/resourceArns';
import type { LintRule } from '../types';

/** Global services (IAM, S3 buckets, Route 53, …) leave the Region out of every resource ARN. */
export const arnRegionNotAllowed: LintRule = {
  code: 'ARN_REGION_NOT_ALLOWED',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.region === '' || isOpenPart(arn.region) || isOpenPart(arn.service)) continue;
      const shape = serviceArnShape(data, arn.service);
      if (shape && !shape.anyRegion) report(value.range, `The service ${arn.service} does not support specifying a Region in the resource ARN.`);
    }
  },
};

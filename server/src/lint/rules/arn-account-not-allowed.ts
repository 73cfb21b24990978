import { isOpenPart, resourceArns, serviceArnShape } from '../support/resourceArns';
import type { LintRule } from '../types';

/** S3 bucket and object ARNs have no account: bucket names are global. */
export const arnAccountNotAllowed: LintRule = {
  code: 'ARN_ACCOUNT_NOT_ALLOWED',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.account === '' || isOpenPart(arn.account) || isOpenPart(arn.service)) continue;
      const shape = serviceArnShape(data, arn.service);
      if (shape && !shape.anyAccount) report(value.range, `The service ${arn.service} does not support specifying an account ID in the resource ARN.`);
    }
  },
};

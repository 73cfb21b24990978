import { PARTITIONS } from '../support/arn';
import { isOpenPart, resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

export const invalidPartition: LintRule = {
  code: 'INVALID_PARTITION',
  type: 'ERROR',
  check({ model }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || isOpenPart(arn.partition) || PARTITIONS.includes(arn.partition)) continue;
      report(value.range, `The resource ARN partition "${arn.partition}" is not valid. Use one of: ${PARTITIONS.join(', ')}.`);
    }
  },
};

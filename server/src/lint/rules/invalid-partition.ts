import { PARTITIONS } from '../../iam/arn';
import { principalProblems } from '../support/principalShapes';
import { isOpenPart, resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

export const invalidPartition: LintRule = {
  code: 'INVALID_PARTITION',
  type: 'ERROR',
  check({ model, kind }, report) {
    for (const p of principalProblems(model, kind)) if (p.code === 'INVALID_PARTITION') report(p.value.range, p.message);
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || isOpenPart(arn.partition) || PARTITIONS.includes(arn.partition)) continue;
      report(value.range, `The resource ARN partition "${arn.partition}" is not valid. Use one of: ${PARTITIONS.join(', ')}.`);
    }
  },
};

import { STRICT_SID_KINDS } from '../support/kinds';
import { duplicateSids } from '../support/sids';
import type { LintRule } from '../types';

export const uniqueSidsRequired: LintRule = {
  code: 'UNIQUE_SIDS_REQUIRED',
  type: 'ERROR',
  kinds: STRICT_SID_KINDS,
  check({ model }, report) {
    for (const sid of duplicateSids(model)) report(sid.range, `Duplicate statement ID "${sid.value}" is not supported for this policy type. Update the Sid value.`);
  },
};

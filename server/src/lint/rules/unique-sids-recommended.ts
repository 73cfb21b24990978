import { duplicateSids } from '../support/sids';
import type { LintRule } from '../types';

export const uniqueSidsRecommended: LintRule = {
  code: 'UNIQUE_SIDS_RECOMMENDED',
  type: 'WARNING',
  kinds: ['resource', 'session'],
  check({ model }, report) {
    for (const sid of duplicateSids(model)) report(sid.range, `We recommend that you use statement IDs that are unique to your policy: "${sid.value}" is used more than once.`);
  },
};

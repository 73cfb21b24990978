import { resourceValues } from '../support/resourceArns';
import type { LintRule } from '../types';

export const invalidArnPrefix: LintRule = {
  code: 'INVALID_ARN_PREFIX',
  type: 'ERROR',
  check({ model }, report) {
    for (const v of resourceValues(model)) {
      const t = v.text;
      if (t === '*' || t.startsWith('arn:') || t.startsWith('${') || t.startsWith('*')) continue;
      report(v.range, `Add the required prefix (arn) to the resource ARN "${t}".`);
    }
  },
};

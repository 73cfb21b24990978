import type { LintRule } from '../types';

export const VALID_VERSIONS: readonly string[] = ['2012-10-17', '2008-10-17'];

export const invalidVersion: LintRule = {
  code: 'INVALID_VERSION',
  type: 'ERROR',
  check({ model, kind }, report) {
    const v = model.version;
    if (!v || v.node.type !== 'string') return;
    // Organizations requires the current language version in an RCP.
    const allowed = kind === 'rcp' ? ['2012-10-17'] : VALID_VERSIONS;
    if (!allowed.includes(v.value)) {
      report(v.range, `The version "${v.value}" is not valid. Use one of the following versions: ${allowed.join(', ')}.`);
    }
  },
};

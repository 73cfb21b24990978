import { PRINCIPAL_LESS_KINDS } from '../support/kinds';
import type { LintRule } from '../types';

const KIND_NAMES: Record<string, string> = { identity: 'identity', session: 'session', boundary: 'permissions boundary' };

export const unsupportedPrincipal: LintRule = {
  code: 'UNSUPPORTED_PRINCIPAL',
  type: 'ERROR',
  kinds: PRINCIPAL_LESS_KINDS,
  check({ model, kind }, report) {
    for (const st of model.statements) {
      for (const k of st.keys) {
        if (k.value === 'Principal' || k.value === 'NotPrincipal') {
          report(k.range, `The policy type ${KIND_NAMES[kind]} does not support the ${k.value} element. Remove the ${k.value} element.`);
        }
      }
    }
  },
};

import type { LintRule } from '../types';

export const invalidEffect: LintRule = {
  code: 'INVALID_EFFECT',
  type: 'ERROR',
  check({ model }, report) {
    for (const st of model.statements) {
      const e = st.effect;
      if (!e || e.node.type !== 'string') continue;
      if (e.value !== 'Allow' && e.value !== 'Deny') report(e.range, `The effect "${e.value}" is not valid. Use Allow or Deny (case-sensitive).`);
    }
  },
};

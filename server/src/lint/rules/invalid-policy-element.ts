import type { LintRule } from '../types';

const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

/** Element names are case-sensitive: `"version"` is not `"Version"`. */
export const invalidPolicyElement: LintRule = {
  code: 'INVALID_POLICY_ELEMENT',
  type: 'ERROR',
  check({ model }, report) {
    for (const k of model.keys) {
      if (!POLICY_ELEMENTS.includes(k.value)) report(k.range, `The policy element ${k.value} is not valid.${hint(k.value, POLICY_ELEMENTS)}`);
    }
    for (const st of model.statements) {
      for (const k of st.keys) {
        if (!STATEMENT_ELEMENTS.includes(k.value)) report(k.range, `The policy element ${k.value} is not valid.${hint(k.value, STATEMENT_ELEMENTS)}`);
      }
    }
  },
};

function hint(name: string, valid: string[]): string {
  const same = valid.find((v) => v.toLowerCase() === name.toLowerCase());
  return same ? ` Element names are case-sensitive: use ${same}.` : '';
}

import type { Node } from 'jsonc-parser';
import { rangeOf, type StringListElement } from '../../policy/model';
import type { LintRule, Report } from '../types';

/** Each element has a JSON type; anything else is a data type mismatch, reported on the value. */
export const dataTypeMismatch: LintRule = {
  code: 'DATA_TYPE_MISMATCH',
  type: 'ERROR',
  check({ model }, report) {
    const expect = (node: Node, what: string) => report(rangeOf(node), `The text does not match the expected JSON data type: ${what}.`);
    for (const located of [model.version, model.id]) {
      if (located && located.node.type !== 'string') expect(located.node, 'a string');
    }
    const statementValue = model.node.children?.find((p) => p.children?.[0]?.value === 'Statement')?.children?.[1];
    if (statementValue && statementValue.type !== 'object' && statementValue.type !== 'array') expect(statementValue, 'a statement object or an array of them');
    if (statementValue?.type === 'array') {
      for (const item of statementValue.children ?? []) if (item.type !== 'object') expect(item, 'a statement object');
    }
    for (const st of model.statements) {
      for (const located of [st.sid, st.effect]) {
        if (located && located.node.type !== 'string') expect(located.node, 'a string');
      }
      for (const list of [st.action, st.notAction, st.resource, st.notResource]) checkStringList(list, report);
      for (const block of [st.principal, st.notPrincipal]) {
        if (!block) continue;
        const node = block.node;
        if (node.type === 'string') continue;
        if (node.type !== 'object') {
          expect(node, 'the string "*" or an object such as {"AWS": "123456789012"}');
          continue;
        }
        for (const prop of node.children ?? []) {
          const v = prop.children?.[1];
          if (!v) continue;
          const items = v.type === 'array' ? v.children ?? [] : [v];
          if (v.type !== 'array' && v.type !== 'string') expect(v, 'a string or an array of strings');
          else for (const item of items) if (item.type !== 'string') expect(item, 'a string');
        }
      }
      const cond = st.condition;
      if (cond) {
        if (cond.node.type !== 'object') expect(cond.node, 'an object of condition operators');
        else {
          for (const opProp of cond.node.children ?? []) {
            const opValue = opProp.children?.[1];
            if (!opValue) continue;
            if (opValue.type !== 'object') {
              expect(opValue, 'an object of condition keys and values');
              continue;
            }
            for (const keyProp of opValue.children ?? []) {
              const v = keyProp.children?.[1];
              if (!v) continue;
              const items = v.type === 'array' ? v.children ?? [] : [v];
              for (const item of items) if (item.type === 'object' || item.type === 'array' || item.type === 'null') expect(item, 'a string, number or Boolean');
            }
          }
        }
      }
    }
  },
};

function checkStringList(list: StringListElement | undefined, report: Report): void {
  if (!list) return;
  if (list.node.type !== 'array' && list.node.type !== 'string') {
    report(list.range, 'The text does not match the expected JSON data type: a string or an array of strings.');
    return;
  }
  for (const v of list.values) if (v.jsonType !== 'string') report(v.range, 'The text does not match the expected JSON data type: a string.');
}

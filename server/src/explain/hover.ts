// What to say about the element under the cursor: one markdown text and the range it explains.
import type { Node } from 'jsonc-parser';
import type { IamData } from '../data/iamData';
import type { OffsetRange } from '../policy/model';
import { actionHover } from './actionHover';
import { arnHover, isArnText } from './arnHover';
import { conditionKeyHover, conditionOperatorHover } from './conditionHover';
import { EFFECT_DOCS, ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS, VERSION_DOCS } from './elementDocs';
import { principalHover } from './principalHover';
import { slotAtNode, type PolicySlot } from './slots';

export interface Explanation {
  markdown: string;
  range: OffsetRange;
}

/** The explanation for the key or value at `offset` of a policy's parse tree, if there is one. */
export function explainAt(root: Node, offset: number, data: IamData): Explanation | undefined {
  const at = slotAtNode(root, offset);
  if (!at) return undefined;
  const markdown = explainSlot(at.slot, at.text, at.node.type === 'string', data);
  return markdown ? { markdown, range: at.range } : undefined;
}

function explainSlot(slot: PolicySlot, text: string, isString: boolean, data: IamData): string | undefined {
  switch (slot.slot) {
    case 'policyKey':
    case 'statementKey':
      return elementHover(slot.name, slot.slot === 'policyKey' ? 'policy' : 'statement');
    case 'value':
      if (!isString) return undefined;
      switch (slot.element) {
        case 'Version':
          return own(VERSION_DOCS, text) ? `**Version ${text}**\n\n${own(VERSION_DOCS, text)}` : `**${text}** is not a policy language version: use \`2012-10-17\`.`;
        case 'Effect':
          return own(EFFECT_DOCS, text) ? `**${text}**\n\n${own(EFFECT_DOCS, text)}` : `**${text}** is not an effect: use \`Allow\` or \`Deny\` (case-sensitive).`;
        case 'Action':
        case 'NotAction':
          return actionHover(text, data, slot.element === 'NotAction');
        case 'Resource':
        case 'NotResource':
          if (text === '*') return '**All resources** (`*`).';
          return isArnText(text) ? arnHover(text, data) : undefined;
        default:
          return undefined;
      }
    case 'principalType':
      return own(PRINCIPAL_TYPE_DOCS, slot.name) ? `**${slot.name}** principals\n\n${own(PRINCIPAL_TYPE_DOCS, slot.name)}` : undefined;
    case 'principalValue':
      return isString ? principalHover(slot.principalType, text, data, slot.element === 'NotPrincipal') : undefined;
    case 'conditionOperator':
      return conditionOperatorHover(slot.name);
    case 'conditionKey':
      return conditionKeyHover(slot.name, data);
    case 'conditionValue':
      return isString && isArnText(text) ? arnHover(text, data) : undefined;
  }
}

function elementHover(name: string, level: 'policy' | 'statement'): string | undefined {
  const doc = own(ELEMENT_DOCS, name);
  if (!doc) return undefined;
  const misplaced = doc.level !== level ? `\n\n_\`${name}\` belongs ${doc.level === 'policy' ? 'at the top level of the policy' : 'inside a statement'}, not here._` : '';
  return `**${name}**\n\n${doc.summary}${misplaced}\n\n[${name} element](${doc.url})`;
}

/** A table's own entry: the text hovered over may be `constructor` or `__proto__`, which a plain object inherits. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

// Statements whose conditions use the global tag keys (aws:ResourceTag/…, aws:RequestTag/…,
// aws:TagKeys) and the actions of theirs that never carry those keys. Which action carries a
// key comes from the Service Authorization Reference (the condition keys listed for the action
// and for its resource types), never from a hand-written list of services.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-deny-with-unsupported-tag-condition-key-for-service
import { wildcardMatch } from '../../data/wildcard';
import type { ActionInfo, IamData } from '../../data/iamData';
import type { PolicyModel, ScalarValue, Statement } from '../../policy/model';
import { listedConditionKeys } from './conditionKeySupport';
import { memoize } from './memo';
import { conditionUses, stringValues, type ConditionUse } from './statements';

export const RESOURCE_TAG = 1;
export const REQUEST_TAG = 2;
export const TAG_KEYS = 4;

/** The tag key bit for a condition key as written, or 0 when it is no global tag key. */
export function tagKeyBit(key: string): number {
  const lower = key.toLowerCase();
  if (lower.startsWith('aws:resourcetag/')) return RESOURCE_TAG;
  if (lower.startsWith('aws:requesttag/')) return REQUEST_TAG;
  if (lower === 'aws:tagkeys') return TAG_KEYS;
  return 0;
}

/**
 * A condition that is false when its key is absent from the request: a plain positive
 * operator, or a negated one under ForAnyValue. `…IfExists`, `Null`, ForAllValues and plain
 * negated operators are true without the key, so an unsupported key does not make them
 * skip the action (the reference warns against IfExists as a workaround for that reason).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
function falseWithoutKey(u: ConditionUse): boolean {
  const op = u.operator;
  if (!op || op.ifExists || op.family === 'Null' || op.qualifier === 'ForAllValues') return false;
  return op.qualifier === 'ForAnyValue' || !op.negated;
}

export interface TagConditionStatement {
  statement: Statement;
  /** Bits of the tag keys whose conditions make the statement skip actions without them. */
  bits: number;
  /** The tag keys as written, for messages. */
  keys: string[];
}

/** Statements with at least one tag condition that is false when the key is absent. */
export const tagConditionStatements = memoize((model: PolicyModel): TagConditionStatement[] => {
  const out: TagConditionStatement[] = [];
  for (const st of model.statements) {
    let bits = 0;
    const keys: string[] = [];
    for (const u of conditionUses(st)) {
      const bit = tagKeyBit(u.entry.key.value);
      if (bit === 0 || !falseWithoutKey(u)) continue;
      bits |= bit;
      if (!keys.includes(u.entry.key.value)) keys.push(u.entry.key.value);
    }
    if (bits !== 0) out.push({ statement: st, bits, keys });
  }
  return out;
});

const supportCache = new WeakMap<ActionInfo, number>();

/** The tag key bits an action supports: keys listed for the action or for its resource types. */
export function supportedTagBits(data: IamData, action: ActionInfo): number {
  let bits = supportCache.get(action);
  if (bits !== undefined) return bits;
  bits = 0;
  for (const k of listedConditionKeys(data, action)) bits |= tagKeyBit(k);
  supportCache.set(action, bits);
  return bits;
}

/** Service prefixes (as AWS writes them) of the actions a value names that lack one of `bits`. */
export function unsupportedServices(data: IamData, value: ScalarValue, bits: number): string[] {
  const services: string[] = [];
  for (const a of data.actionsMatching(value.text)) {
    if ((supportedTagBits(data, a) & bits) === bits) continue;
    if (!services.includes(a.service)) services.push(a.service);
  }
  return services;
}

/** Whether some action outside a NotAction list lacks one of `bits`. */
export function notActionLeavesUnsupported(data: IamData, st: Statement, bits: number): boolean {
  const excluded = stringValues(st.notAction?.values).map((v) => v.text);
  for (const a of data.allActions()) {
    if ((supportedTagBits(data, a) & bits) === bits) continue;
    const name = `${a.service}:${a.name}`;
    if (!excluded.some((p) => wildcardMatch(p, name, true))) return true;
  }
  return false;
}

/** `a, b and c` for messages. */
export function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** At most ten prefixes, then how many more. */
export function servicesText(services: readonly string[]): string {
  const sorted = [...services].sort();
  return sorted.length <= 10 ? sorted.join(', ') : `${sorted.slice(0, 10).join(', ')} and ${sorted.length - 10} more`;
}

export interface UnsupportedTagAction {
  statement: Statement;
  value: ScalarValue;
  keys: string[];
  services: string[];
}

/** Action values of `effect` statements with tag conditions that name actions lacking those keys. */
export function unsupportedTagActions(model: PolicyModel, data: IamData, effect: 'Allow' | 'Deny'): UnsupportedTagAction[] {
  const out: UnsupportedTagAction[] = [];
  for (const t of tagConditionStatements(model)) {
    if (t.statement.effect?.value !== effect || !t.statement.action) continue;
    for (const value of stringValues(t.statement.action.values)) {
      // `"Action": "*"` under a tag condition is written for the requests that carry the key
      // (the data perimeter samples deny every request that sets protected tag keys): naming
      // hundreds of services would not help, so only narrower patterns are checked.
      if (value.text === '*') continue;
      const services = unsupportedServices(data, value, t.bits);
      if (services.length > 0) out.push({ statement: t.statement, value, keys: t.keys, services });
    }
  }
  return out;
}

/** `effect` statements with NotAction and tag conditions that leave unsupported actions in. */
export function notActionTagStatements(model: PolicyModel, data: IamData, effect: 'Allow' | 'Deny'): TagConditionStatement[] {
  return tagConditionStatements(model).filter(
    (t) => t.statement.effect?.value === effect && t.statement.notAction !== undefined && notActionLeavesUnsupported(data, t.statement, t.bits),
  );
}

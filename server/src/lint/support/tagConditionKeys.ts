// Statements whose conditions use the global tag keys (aws:ResourceTag/…, aws:RequestTag/…,
// aws:TagKeys) and the actions of theirs that never carry those keys. Which action carries a
// key comes from the Service Authorization Reference (the condition keys listed for the action
// and for its resource types), never from a hand-written list of services.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-deny-with-unsupported-tag-condition-key-for-service
import { wildcardMatch } from '../../iam/wildcard';
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

/** The tag key bits the reference lists for an action or for its resource types. */
function listedTagBits(data: IamData, action: ActionInfo): number {
  let bits = supportCache.get(action);
  if (bits !== undefined) return bits;
  bits = 0;
  for (const k of listedConditionKeys(data, action)) bits |= tagKeyBit(k);
  supportCache.set(action, bits);
  return bits;
}

const serviceCache = new WeakMap<IamData, Map<string, number>>();

/** The tag key bits some action of the service supports. */
function serviceTagBits(data: IamData, service: string): number {
  let byService = serviceCache.get(data);
  if (!byService) serviceCache.set(data, (byService = new Map()));
  const key = service.toLowerCase();
  let bits = byService.get(key);
  if (bits === undefined) {
    bits = 0;
    for (const a of data.service(service)?.actions ?? []) bits |= listedTagBits(data, a);
    byService.set(key, bits);
  }
  return bits;
}

/**
 * Whether an action leaves the statement's tag condition without effect, as we infer Access
 * Analyzer decides it: by service. The per-service rule is INFERRED, not documented: the checks'
 * pages give only the message ("actions for services with the following prefixes"), and no page
 * or public thread we found states the rule. The evidence is that message and the corpus: AWS's
 * managed policies in managed/ that allow create actions under aws:RequestTag and aws:ResourceTag
 * together, with services that support the key on some of their actions only (ssm, bedrock,
 * kms, …), are ones issue 11 records Access Analyzer as silent on. So a service that supports the
 * key on some action is not reported for its actions that do not. An action the reference lists
 * no condition key for at all (tag:TagResources) is one it says nothing about, and is not
 * reported either.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
export function lacksTagSupport(data: IamData, action: ActionInfo, bits: number): boolean {
  if (listedConditionKeys(data, action).length === 0) return false;
  return (serviceTagBits(data, action.service) & bits) !== bits;
}

/** Service prefixes (as AWS writes them) of the actions a value names that lack one of `bits`. */
export function unsupportedServices(data: IamData, value: ScalarValue, bits: number): string[] {
  const services: string[] = [];
  for (const a of data.actionsMatching(value.text)) {
    if (!lacksTagSupport(data, a, bits)) continue;
    if (!services.includes(a.service)) services.push(a.service);
  }
  return services;
}

/** Whether some action outside a NotAction list lacks one of `bits`. */
export function notActionLeavesUnsupported(data: IamData, st: Statement, bits: number): boolean {
  const excluded = stringValues(st.notAction?.values).map((v) => v.text);
  for (const a of data.allActions()) {
    if (!lacksTagSupport(data, a, bits)) continue;
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

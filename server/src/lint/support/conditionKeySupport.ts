// Which condition keys an action supports, per the Service Authorization Reference: the keys
// listed on the action's row, on its resource-type rows, and in the resource types table for
// those resource types. https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
import type { ActionInfo, IamData } from '../../data/iamData';
import { compileWildcard, wildcardMatch, type WildcardPattern } from '../../iam/wildcard';

interface KeySupport {
  exact: Set<string>;
  templates: WildcardPattern[];
}

const cache = new WeakMap<ActionInfo, KeySupport>();

/** `aws:RequestTag/${TagKey}` → `aws:requesttag/*`; `s3:ExistingObjectTag/<key>` → `s3:existingobjecttag/*`. */
function templateToPattern(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (!lower.includes('${') && !lower.includes('<') && !lower.endsWith('/')) return undefined;
  return lower.replace(/\$\{[^}]*\}/g, '*').replace(/<[^>]*>/g, '*').replace(/\/$/, '/*');
}

const listedCache = new WeakMap<ActionInfo, readonly string[]>();

/** Every condition key the reference lists for `action`, as written (with `${TagKey}` templates). */
export function listedConditionKeys(data: IamData, action: ActionInfo): readonly string[] {
  let keys = listedCache.get(action);
  if (keys) return keys;
  const all = [...action.conditionKeys];
  if (action.resourceTypes.length > 0) {
    const typeKeys = new Map(data.resourceTypes(action.service).map((t) => [t.key.toLowerCase(), t.conditionKeys]));
    for (const rt of action.resourceTypes) all.push(...rt.conditionKeys, ...(typeKeys.get(rt.name.toLowerCase()) ?? []));
  }
  keys = all;
  listedCache.set(action, keys);
  return keys;
}

function supportOf(data: IamData, action: ActionInfo): KeySupport {
  let s = cache.get(action);
  if (s) return s;
  s = { exact: new Set(), templates: [] };
  for (const key of listedConditionKeys(data, action)) {
    const pattern = templateToPattern(key);
    if (pattern) s.templates.push(compileWildcard(pattern, true));
    else s.exact.add(key.toLowerCase());
  }
  cache.set(action, s);
  return s;
}

/** Whether the reference lists `key` (any case) for `action`. */
export function actionSupportsKey(data: IamData, action: ActionInfo, key: string): boolean {
  const s = supportOf(data, action);
  const lower = key.toLowerCase();
  return s.exact.has(lower) || s.templates.some((t) => wildcardMatch(t, lower));
}

// Hover text for an action or an action pattern, from the Service Authorization Reference.
import type { ActionInfo, IamData } from '../data/iamData';
import { hasWildcard } from '../iam/wildcard';

/** Access levels in the reference's order; anything else sorts after them. */
const LEVEL_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** How many matched actions are listed by name before only counts are given. */
const LIST_LIMIT = 12;

/** Condition keys listed in a hover; the reference page has the rest. */
const KEY_LIMIT = 16;

export function actionHover(written: string, data: IamData, negated = false): string {
  const notice = negated ? '_NotAction: the statement covers every action **except** this one._\n\n' : '';
  if (written === '*' || hasWildcard(written)) return notice + wildcardHover(written, data);
  const info = data.action(written);
  if (!info) return notice + unknownActionHover(written, data);
  return notice + exactActionHover(info, data);
}

function exactActionHover(a: ActionInfo, data: IamData): string {
  const service = data.service(a.service);
  const lines = [`**${a.service}:${a.name}** — ${service?.name ?? a.service}`, ''];
  if (a.description) lines.push(a.description, '');
  lines.push(`Access level: **${a.accessLevel}**`);
  if (a.resourceTypes.length === 0 || a.isWildcardOnly) {
    lines.push('', 'Resource types: none — the action only works with `"Resource": "*"`.');
  } else {
    const types = a.resourceTypes.filter((r) => r.name !== '');
    if (types.length > 0) lines.push('', `Resource types: ${types.map((r) => `\`${r.name}\`${r.required ? '\\*' : ''}`).join(', ')}${types.some((r) => r.required) ? ' (\\* required)' : ''}`);
  }
  const keys = actionConditionKeys(a, data);
  if (keys.length > 0) {
    const shown = keys.slice(0, KEY_LIMIT).map((k) => `\`${k}\``).join(', ');
    lines.push('', `Condition keys: ${shown}${keys.length > KEY_LIMIT ? `, … and ${keys.length - KEY_LIMIT} more` : ''}`);
  }
  if (a.dependentActions.length > 0) lines.push('', `Dependent actions: ${a.dependentActions.map((d) => `\`${d}\``).join(', ')}`);
  if (service) lines.push('', `[${service.name}: actions, resources and condition keys](${service.authorizationReferenceUrl})`);
  return lines.join('\n');
}

/** The action's own condition keys and those of its resource types, without repeats. */
export function actionConditionKeys(a: ActionInfo, data: IamData): string[] {
  const keys = new Set<string>(a.conditionKeys);
  const types = data.resourceTypes(a.service);
  for (const r of a.resourceTypes) {
    for (const k of r.conditionKeys) keys.add(k);
    // The action lists its resource types by name; their keys live on the service's type list.
    for (const k of types.find((t) => t.key === r.name)?.conditionKeys ?? []) keys.add(k);
  }
  return [...keys];
}

function wildcardHover(pattern: string, data: IamData): string {
  const matches = data.actionsMatching(pattern);
  if (matches.length === 0) return `**${pattern}** matches no action in the Service Authorization Reference.`;
  const services = new Set(matches.map((a) => a.service));
  const byLevel = new Map<string, number>();
  for (const a of matches) byLevel.set(a.accessLevel, (byLevel.get(a.accessLevel) ?? 0) + 1);
  const levels = [...byLevel.entries()].sort(([a], [b]) => levelRank(a) - levelRank(b) || a.localeCompare(b));
  const serviceText = services.size === 1 ? (data.serviceName([...services][0]) ?? [...services][0]) : `${services.size} services`;
  const lines = [
    `**${pattern}** matches **${matches.length}** action${matches.length === 1 ? '' : 's'} in ${serviceText}`,
    '',
    '| Access level | Actions |',
    '| --- | ---: |',
    ...levels.map(([level, count]) => `| ${level} | ${count} |`),
  ];
  if (matches.length <= LIST_LIMIT) lines.push('', matches.map((a) => `\`${a.service}:${a.name}\``).join(', '));
  if (services.size === 1) {
    const service = data.service([...services][0]);
    if (service) lines.push('', `[${service.name}: actions, resources and condition keys](${service.authorizationReferenceUrl})`);
  }
  return lines.join('\n');
}

function levelRank(level: string): number {
  const i = LEVEL_ORDER.indexOf(level);
  return i < 0 ? LEVEL_ORDER.length : i;
}

function unknownActionHover(written: string, data: IamData): string {
  const colon = written.indexOf(':');
  if (colon < 0) return `**${written}** is not an action: write actions as \`service:ActionName\`, e.g. \`s3:GetObject\`.`;
  const prefix = written.slice(0, colon);
  if (!data.serviceExists(prefix)) {
    const near = data.closestService(prefix);
    return `**${prefix}** is not a service prefix in the Service Authorization Reference.${near ? ` Did you mean \`${near}\`?` : ''}`;
  }
  const near = data.closestAction(written);
  return `**${written}** is not an action of ${data.serviceName(prefix)}.${near ? ` Did you mean \`${near}\`?` : ''}`;
}

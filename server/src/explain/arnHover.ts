// Hover text for an ARN: each part named, and the resource type it matches when the reference knows it.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
import type { IamData, ResourceTypeInfo } from '../data/iamData';
import { wildcardMatch } from '../iam/wildcard';
import { parseArn, PARTITIONS } from '../iam/arn';

const ARN_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html';

export function isArnText(text: string): boolean {
  return text.startsWith('arn:') && parseArn(text) !== undefined;
}

export function arnHover(text: string, data: IamData): string | undefined {
  const arn = parseArn(text);
  if (!arn) return undefined;
  const service = data.service(arn.service);
  const type = service ? matchingResourceType(text, service.resourceTypes) : undefined;
  const cell = (v: string, empty: string) => (v === '' ? `_(empty)_ — ${empty}` : `\`${escapeCell(v)}\``);
  const lines = [
    `**ARN**${type ? ` — ${service?.name ?? arn.service} \`${type.key}\`` : ''}`,
    '',
    '| Part | Value |',
    '| --- | --- |',
    `| partition | ${cell(arn.partition, 'invalid')}${PARTITIONS.includes(arn.partition) || arn.partition.includes('*') ? '' : ' (unknown partition)'} |`,
    `| service | ${cell(arn.service, 'invalid')}${service ? ` (${service.name})` : ''} |`,
    `| region | ${cell(arn.region, 'global resource, no Region')} |`,
    `| account | ${cell(arn.account, 'no account (globally unique name)')} |`,
    `| resource | ${cell(arn.resource, 'invalid')} |`,
  ];
  if (type) lines.push('', `Resource type \`${type.key}\`: \`${escapeCell(type.arn)}\``);
  lines.push('', `[ARN format](${ARN_URL})${service ? ` · [${service.name} resource types](${service.authorizationReferenceUrl})` : ''}`);
  return lines.join('\n');
}

/** The resource type whose ARN template matches; the most specific one (most literal text) wins. */
export function matchingResourceType(arn: string, types: readonly ResourceTypeInfo[]): ResourceTypeInfo | undefined {
  let best: ResourceTypeInfo | undefined;
  let bestLiteral = -1;
  for (const t of types) {
    const pattern = t.arn.replace(/\$\{[^}]*\}/g, '*');
    if (!wildcardMatch(pattern, arn)) continue;
    const literal = pattern.replace(/\*/g, '').length;
    if (literal > bestLiteral) {
      best = t;
      bestLiteral = literal;
    }
  }
  return best;
}

function escapeCell(v: string): string {
  return v.replace(/\|/g, '\\|').replace(/`/g, "'");
}

// CheckNoPublicAccess, offline: could this resource policy let an anonymous caller, or any AWS
// principal whoever it belongs to, reach the resource? An Allow statement is public when its
// principal is everyone (`"*"`, `{"AWS": "*"}`, NotPrincipal, or a public web identity provider
// in a trust policy), it reaches some action of the resource's service, and no condition fixes
// who the caller is (see publicAccessKeys.ts for the keys, after Access Analyzer and Amazon S3).
// A Deny for everyone whose negated condition refuses every caller outside a fixed account,
// organization or network closes the statement again.
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html
import { parseArn, isAccountId } from '../iam/arn';
import type { PolicyModel } from '../policy/model';
import { ActionSpace } from './actionSpace';
import type { CheckCondition } from './conditionImplication';
import { patternsMayOverlap } from './patterns';
import { isEveryone, principalCells } from './principals';
import { ARN_VALUED_KEYS, CALLER_LIMITING_KEYS, PUBLIC_IDENTITY_PROVIDERS, PUBLIC_RESOURCE_TYPES, type PublicResourceType } from './publicAccessKeys';
import { resourceCells, statementCoversResources } from './resources';
import { listed, readStatements, statementLabel, type CheckStatement } from './statements';
import type { CheckOptions, CheckReason, CheckReasonDetail, CheckResult } from './types';

export class ResourceTypeError extends Error {}

export const PUBLIC_RESOURCE_TYPE_NAMES = Object.keys(PUBLIC_RESOURCE_TYPES);

export function publicResourceType(name: string): PublicResourceType | undefined {
  return PUBLIC_RESOURCE_TYPES[name] ?? Object.entries(PUBLIC_RESOURCE_TYPES).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

export function checkNoPublicAccess(policy: PolicyModel | string, resourceType: string, options: CheckOptions): CheckResult {
  const type = publicResourceType(resourceType);
  if (!type) throw new ResourceTypeError(`unknown resource type "${resourceType}"; use one of ${PUBLIC_RESOURCE_TYPE_NAMES.join(', ')}`);
  const { statements } = readStatements(policy);
  const space = new ActionSpace(options.data, statements);
  const reasons: CheckReason[] = [];
  const details: CheckReasonDetail[] = [];
  const closingDenies = statements.filter((s) => s.effect === 'Deny' && closesToOutsiders(s, type));
  for (const st of statements) {
    if (st.effect !== 'Allow') continue;
    const who = publicPrincipal(st, type);
    if (!who) continue;
    // Before the actions: a condition that fixes who the caller is settles the statement cheaply.
    if (limitsCaller(st.conditions, type, who)) continue;
    const actions = [...space.actionsOf(st)].filter((a) => type.services.includes(a.slice(0, a.indexOf(':'))));
    const futureActions = space.pseudoOf(st).some((p) => p.kind === 'allBut' || type.services.some((svc) => patternsMayOverlap(p.pattern, `${svc}:*`, true)));
    if (actions.length === 0 && !futureActions) continue;
    const closed = closingDenies.some(
      (d) => resourceCells(st).every((rc) => statementCoversResources(d, rc)) && actions.every((a) => space.actionsOf(d).has(a)) && (!futureActions || d.actions.patterns.includes('*') || d.actions.patterns.some((p) => type.services.some((svc) => p.toLowerCase() === `${svc}:*`))),
    );
    if (closed) continue;
    const names = actions.map((a) => space.displayName(a)).sort();
    const unlimited = st.conditions.length
      ? `its condition (${listed([...new Set(st.conditions.map((c) => c.key))], 4)}) does not fix who the caller is`
      : 'no condition limits who the caller is';
    reasons.push({
      description: `Public access in ${statementLabel(st)}: it allows ${who} ${names.length ? listed(names, 5) : `actions of ${type.services.join(', ')}`} and ${unlimited} (such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceArn, aws:SourceAccount, aws:SourceVpce or aws:SourceVpc).`,
      statementIndex: st.index,
      ...(st.sid ? { statementId: st.sid } : {}),
    });
    details.push({ statementIndex: st.index, actions: names });
  }
  if (reasons.length === 0) return { result: 'PASS', message: `The policy grants no public access to the ${resourceType}.`, reasons: [], details: [] };
  return { result: 'FAIL', message: `The policy grants public access to the ${resourceType} in ${reasons.length} statement${reasons.length === 1 ? '' : 's'}.`, reasons, details };
}

/** How the statement names everyone, or undefined when it names particular principals. */
function publicPrincipal(st: CheckStatement, type: PublicResourceType): string | undefined {
  if (!st.principals) return undefined;
  if (st.principals.not) return 'every principal outside its NotPrincipal list';
  if (st.principals.entries.some(isEveryone)) return 'every principal, anonymous ones included,';
  if (type.trust) {
    const provider = st.principals.entries.find((e) => e.kind === 'Federated' && PUBLIC_IDENTITY_PROVIDERS[e.value.toLowerCase()]);
    if (provider) {
      const audienceKeys = PUBLIC_IDENTITY_PROVIDERS[provider.value.toLowerCase()];
      const pinned = st.conditions.some((c) => audienceKeys.includes(c.lowerKey) && isPositive(c) && c.values.length > 0 && c.values.every(isFixed));
      if (!pinned) return `anyone signed in to ${provider.value}`;
    }
  }
  return undefined;
}

function isPositive(c: CheckCondition): boolean {
  const r = c.read;
  return !!r.facts && !r.problem && !r.facts.negated && !r.ifExists && r.qualifier !== 'ForAllValues' && r.facts.family !== 'Null';
}

function isFixed(value: string): boolean {
  return value.length > 0 && !value.includes('*') && !value.includes('?') && !value.includes('${');
}

/** An ARN value fixes the caller when its account is a literal account ID (the rest may hold wildcards). */
function isFixedArn(value: string): boolean {
  if (isFixed(value)) return true;
  const arn = parseArn(value);
  return !!arn && isAccountId(arn.account) && !arn.partition.includes('*') && !arn.service.includes('*');
}

function isLimitingKey(lowerKey: string, type: PublicResourceType): boolean {
  return CALLER_LIMITING_KEYS.has(lowerKey) || type.extraKeys.includes(lowerKey);
}

function fixesValues(c: CheckCondition): boolean {
  if (c.values.length === 0) return false;
  if (c.lowerKey === 'aws:sourceip') return c.read.facts?.family === 'IpAddress' && c.values.every(isNarrowCidr);
  return ARN_VALUED_KEYS.has(c.lowerKey) ? c.values.every(isFixedArn) : c.values.every(isFixed);
}

/** A CIDR no wider than /8 (IPv4) or /32 (IPv6): a range an owner holds, not "every address". */
function isNarrowCidr(value: string): boolean {
  const [addr, prefixText] = value.trim().split('/');
  const v6 = addr.includes(':');
  const prefix = prefixText === undefined ? (v6 ? 128 : 32) : Number(prefixText);
  return Number.isInteger(prefix) && prefix >= (v6 ? 32 : 8);
}

/** Some condition entry requires a fixed value of a key that says who calls. */
function limitsCaller(conditions: CheckCondition[], type: PublicResourceType, _who: string): boolean {
  return conditions.some((c) => isLimitingKey(c.lowerKey, type) && isPositive(c) && fixesValues(c));
}

/** A Deny for everyone that refuses every caller whose key is not a fixed value (StringNotEquals aws:PrincipalOrgID …). */
function closesToOutsiders(d: CheckStatement, type: PublicResourceType): boolean {
  const everyone = principalCells(d).every((c) => c.kind === 'everyone') && !d.principals?.not;
  if (!everyone) return false;
  return d.conditions.some((c) => {
    const r = c.read;
    if (!r.facts || r.problem || !r.facts.negated || r.qualifier || !isLimitingKey(c.lowerKey, type)) return false;
    return fixesValues(c);
  }) && d.conditions.length === 1;
}

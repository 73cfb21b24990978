// How an Allow statement grants a sensitive action (iam:PassRole, iam:CreateServiceLinkedRole)
// over too many resources. Access Analyzer has one check per combination of how the action is
// named (literally, through a wildcard, through NotAction) and how resources are named
// (a wildcard, NotResource).
import { hasWildcard, wildcardMatch } from '../../iam/wildcard';
import type { OffsetRange, PolicyModel, Statement } from '../../policy/model';
import { parseArn } from '../../iam/arn';
import { conditionsOnKey, isAllow, isRestrictingUseOfPresentKey, stringValues } from './statements';

export type GrantShape =
  | 'literal+starResource'
  | 'wildcard+starResource'
  | 'notAction+starResource'
  | 'literal+notResource'
  | 'wildcard+notResource'
  | 'notAction+notResource';

export interface SensitiveGrant {
  shape: GrantShape;
  statementIndex: number;
  range: OffsetRange;
}

/** `*`, or an ARN of the action's resource type that names every one of them (`…:role/*`). */
function isStarResource(text: string, resourcePrefix: string): boolean {
  if (text === '*') return true;
  const arn = parseArn(text);
  if (!arn || (arn.service !== 'iam' && arn.service !== '*')) return false;
  return arn.resource === '*' || arn.resource === `${resourcePrefix}/*` || arn.resource === `${resourcePrefix}*`;
}

const memo = new WeakMap<PolicyModel, Map<string, SensitiveGrant[]>>();

/** Grants of `action` in the model; computed once per model and action, since six rules ask. */
export function sensitiveGrants(model: PolicyModel, action: string, narrowingKey: string, resourcePrefix: string): SensitiveGrant[] {
  let perModel = memo.get(model);
  if (!perModel) memo.set(model, (perModel = new Map()));
  const id = `${action}|${narrowingKey}|${resourcePrefix}`;
  let grants = perModel.get(id);
  if (!grants) perModel.set(id, (grants = computeGrants(model, action, narrowingKey, resourcePrefix)));
  return grants;
}

function computeGrants(model: PolicyModel, action: string, narrowingKey: string, resourcePrefix: string): SensitiveGrant[] {
  const out: SensitiveGrant[] = [];
  for (const st of model.statements) {
    if (!isAllow(st)) continue;
    const how = howNamed(st, action);
    if (!how) continue;
    let resourceShape: 'starResource' | 'notResource' | undefined;
    if (st.notResource) resourceShape = 'notResource';
    else if (stringValues(st.resource?.values).some((v) => isStarResource(v.text, resourcePrefix))) resourceShape = 'starResource';
    if (!resourceShape) continue;
    // A condition on the key that says where the role may go narrows the grant enough. The key
    // (iam:PassedToService, iam:AWSServiceName) is in every request for the action, so
    // `StringEqualsIfExists` narrows as `StringEquals` does; AWSServiceRoleForAmazonEKSNodegroup
    // writes it so and Access Analyzer does not warn.
    if (resourceShape === 'starResource' && conditionsOnKey(st, narrowingKey).some(isRestrictingUseOfPresentKey)) continue;
    out.push({ shape: `${how.kind}+${resourceShape}`, statementIndex: st.index, range: how.range });
  }
  return out;
}

/**
 * Whether an action pattern can cover `action`. Most values of a large policy are literal
 * actions of other services: they are settled without the wildcard matcher.
 */
function covers(pattern: string, action: string): boolean {
  if (!hasWildcard(pattern)) return pattern.length === action.length && pattern.toLowerCase() === action.toLowerCase();
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? pattern : pattern.slice(0, colon);
  if (!hasWildcard(service) && service.toLowerCase() !== action.slice(0, action.indexOf(':')).toLowerCase()) return false;
  return wildcardMatch(pattern, action, true);
}

function howNamed(st: Statement, action: string): { kind: 'literal' | 'wildcard' | 'notAction'; range: OffsetRange } | undefined {
  if (st.action) {
    const values = stringValues(st.action.values);
    const wanted = action.toLowerCase();
    const literal = values.find((v) => v.text.length === wanted.length && v.text.toLowerCase() === wanted);
    if (literal) return { kind: 'literal', range: literal.range };
    const wildcard = values.find((v) => hasWildcard(v.text) && covers(v.text, action));
    if (wildcard) return { kind: 'wildcard', range: wildcard.range };
    return undefined;
  }
  if (st.notAction && !stringValues(st.notAction.values).some((v) => covers(v.text, action))) {
    return { kind: 'notAction', range: st.notAction.keyRange };
  }
  return undefined;
}

// Which resources an action can be authorized against, per the Service Authorization
// Reference: the ARN templates of its resource types, or only `"*"` when it has none.
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// ("If the action does not support resource-level permissions, use the all resources wildcard (*)")
import type { ActionInfo, IamData } from '../../data/iamData';
import { hasWildcard } from '../../iam/wildcard';
import { ARN_PARTS, splitArn } from '../../iam/arn';
import { arnPatternMayMatchTemplate, variablesToStars } from './patternOverlap';

const templatesByAction = new WeakMap<ActionInfo, string[]>();

/** The ARN templates (`arn:${Partition}:s3:::${BucketName}`) of the action's resource types. */
export function actionArnTemplates(data: IamData, action: ActionInfo): string[] {
  let templates = templatesByAction.get(action);
  if (!templates) {
    const types = data.resourceTypes(action.service);
    templates = [];
    for (const rt of action.resourceTypes) {
      const arn = types.find((t) => t.key === rt.name)?.arn;
      // A few types list two ARN formats in one entry (API Gateway v1 and v2, Lex v1 and v2).
      for (const one of arn?.split(/,\s*(?=arn:)/) ?? []) if (!templates.includes(one)) templates.push(one);
    }
    templatesByAction.set(action, templates);
  }
  return templates;
}

/** A Resource value that matches every resource: `*` (or only stars). */
export function matchesEveryResource(resource: string): boolean {
  if (resource.length === 0) return false;
  for (let i = 0; i < resource.length; i++) if (resource.charCodeAt(i) !== 0x2a /* * */) return false;
  return true;
}

interface PreparedResource {
  every: boolean;
  /** The ARN's parts with variables as `*`; undefined when the value is no ARN. */
  parts: string[] | undefined;
  /** Templates already weighed against it: actions of one service share a handful of templates. */
  mayMatch: Map<string, boolean>;
}

// A statement's resources are weighed against each of its actions: split each value once.
const preparedResources = new Map<string, PreparedResource>();

function prepareResource(resource: string): PreparedResource {
  let prepared = preparedResources.get(resource);
  if (!prepared) {
    const every = matchesEveryResource(resource);
    const arn = every ? resource : variablesToStars(resource);
    prepared = { every, parts: !every && arn.startsWith('arn:') ? splitArn(arn) : undefined, mayMatch: new Map() };
    if (preparedResources.size >= 10_000) preparedResources.clear();
    preparedResources.set(resource, prepared);
  }
  return prepared;
}

/**
 * Whether a Resource value could cover a resource the action is authorized against. Only
 * `false` is certain, and the reference is trusted only as far as it goes: AWS's own managed
 * policies show services authorizing against resources the reference does not list (CloudFormation
 * change sets on `arn:aws:cloudformation:<region>:aws:transform/…`, Connect's metrics on
 * Connect Campaigns ARNs, Systems Manager on EKS clusters, WAF Classic's GetWebACLForResource on
 * its own ARNs). So a mismatch counts only when the action's service never authorizes against
 * other services' resources (those services are where the lists fall short), and the ARN is a
 * resource type the reference knows for its own service.
 */
export function resourceMayMatchAction(data: IamData, action: ActionInfo, resource: string): boolean {
  const prepared = prepareResource(resource);
  if (prepared.every || !prepared.parts) return true;
  const templates = actionArnTemplates(data, action);
  // The reference says an action without resource types takes only "*", but it lags behind the
  // services: AWS's own managed policies grant ssmmessages:OpenDataChannel (no resource types in
  // the reference) on arn:aws:ssm:*:*:session/*. Such actions are not judged.
  if (action.isWildcardOnly || templates.length === 0) return true;
  const parts = prepared.parts;
  const mayMatch = (t: string) => {
    let hit = prepared.mayMatch.get(t);
    if (hit === undefined) prepared.mayMatch.set(t, (hit = arnPatternMayMatchTemplate(parts, t)));
    return hit;
  };
  if (templates.some(mayMatch)) return true;
  if (parts.length !== ARN_PARTS) return true;
  const service = parts[2].toLowerCase();
  if (service === '' || hasWildcard(service)) return true;
  const own = action.service.toLowerCase();
  const shape = serviceShape(data, own);
  if (!shape.selfContained || (service !== own && !shape.arnServices.has(service) && sameFamily(service, own))) return true;
  // A resource type the reference does not know for that service (newer, or documented elsewhere) is not judged.
  return !serviceShape(data, service).ownTemplates.some((t) => arnPatternMayMatchTemplate(parts, t));
}

interface ServiceShape {
  /** ARN service segments of the service's resource types. */
  arnServices: ReadonlySet<string>;
  /** No resource type of another service family (Connect lists Wisdom's, EC2 lists ACM's): its foreign ARNs are not all listed. */
  selfContained: boolean;
  /** Templates of its resource types whose ARNs are its own. */
  ownTemplates: string[];
}

const shapes = new WeakMap<IamData, Map<string, ServiceShape>>();

function serviceShape(data: IamData, service: string): ServiceShape {
  let byService = shapes.get(data);
  if (!byService) shapes.set(data, (byService = new Map()));
  let shape = byService.get(service);
  if (!shape) {
    const arns = data.resourceTypes(service).flatMap((t) => t.arn.split(/,\s*(?=arn:)/));
    const arnServices = new Set(arns.map((a) => (splitArn(a)[2] ?? '').toLowerCase()));
    shape = {
      arnServices,
      selfContained: [...arnServices].every((s) => s === service || sameFamily(s, service)),
      ownTemplates: arns.filter((a) => (splitArn(a)[2] ?? '').toLowerCase() === service),
    };
    byService.set(service, shape);
  }
  return shape;
}

/** `s3` and `s3-object-lambda`, `connect` and `connect-campaigns`: sibling services that evolve together. */
function sameFamily(a: string, b: string): boolean {
  return a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

// Where a template holds policies, and what kind each is.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_IAM.html
import type { Node } from 'jsonc-parser';
import type { DocumentKind } from '../../policy/model';
import type { OffsetRange } from '../../policy/model';
import { addChild, arrayNode, entries, objectNode, prop, propNode, propertyNode, rangeOfNode, scalarNode, stringValue } from '../tree';
import { intrinsicName, resolveIntrinsic, type TemplateContext } from './intrinsics';

export interface PolicyLocation {
  kind: DocumentKind;
  /** `LogicalId.Property…`, as scenarios name it. */
  locator: string;
  /** The policy object as written in the template. */
  node: Node;
  /** The service names the resource itself: the policy has no `Resource` element. */
  impliedResource?: boolean;
  /** Checks that do not apply to this kind of policy. */
  notApplicable?: string[];
  /** Built from several properties (a Lambda permission): not one block of the text. */
  synthetic?: boolean;
  /** A role's `MaxSessionDuration` (seconds), for its trust policy. */
  maxSessionDuration?: number;
  /** Values known not to be what the policy element holds (a function's name standing for its ARN). */
  unknownRanges?: OffsetRange[];
}

/**
 * Repository policies name no resource: the repository is the resource.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html
 */
const IMPLIED_RESOURCE = new Set(['AWS::ECR::Repository']);

/**
 * A VPC endpoint policy names `"Principal": "*"` by design: it only narrows what callers who
 * already pass IAM may do through the endpoint, so it makes nothing public.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
const NOT_APPLICABLE: Record<string, string[]> = {
  'AWS::EC2::VPCEndpoint': ['RESOURCE_POLICY_GRANTS_PUBLIC_ACCESS', 'WILDCARD_PRINCIPAL_WITHOUT_CONDITION'],
};

/** Resource types whose `property` is one policy of `kind`. */
const SINGLE: Record<string, Array<[string, DocumentKind]>> = {
  'AWS::IAM::Role': [['AssumeRolePolicyDocument', 'trust']],
  'AWS::IAM::Policy': [['PolicyDocument', 'identity']],
  'AWS::IAM::ManagedPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::RolePolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::UserPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::GroupPolicy': [['PolicyDocument', 'identity']],
  'AWS::S3::BucketPolicy': [['PolicyDocument', 'resource']],
  'AWS::SQS::QueuePolicy': [['PolicyDocument', 'resource']],
  'AWS::SNS::TopicPolicy': [['PolicyDocument', 'resource']],
  'AWS::KMS::Key': [['KeyPolicy', 'resource']],
  'AWS::SecretsManager::ResourcePolicy': [['ResourcePolicy', 'resource']],
  'AWS::ECR::Repository': [['RepositoryPolicyText', 'resource']],
  'AWS::Serverless::Function': [['AssumeRolePolicyDocument', 'trust']],
  'AWS::EC2::VPCEndpoint': [['PolicyDocument', 'resource']],
  'AWS::S3::AccessPoint': [['Policy', 'resource']],
  'AWS::OpenSearchService::Domain': [['AccessPolicies', 'resource']],
  'AWS::Elasticsearch::Domain': [['AccessPolicies', 'resource']],
  'AWS::EFS::FileSystem': [['FileSystemPolicy', 'resource']],
  'AWS::Backup::BackupVault': [['AccessPolicy', 'resource']],
};

/** Resource types with a `Policies` list of `{ PolicyName, PolicyDocument }`. */
const INLINE_POLICIES = new Set(['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/** SAM resources whose `Policies` mix managed policy names, SAM policy templates and inline policies. */
const SAM_POLICIES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

const ORGANIZATIONS_KINDS: Record<string, DocumentKind> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' };

export function policyLocations(ctx: TemplateContext): PolicyLocation[] {
  const out: PolicyLocation[] = [];
  const boundaries = boundaryPolicies(ctx);
  for (const { key: id, value: resource } of entries(ctx.resources)) {
    const type = stringValue(prop(resource, 'Type'));
    const properties = prop(resource, 'Properties');
    if (!type || properties?.type !== 'object') continue;
    for (const [name, kind] of SINGLE[type] ?? []) {
      const node = policyObject(prop(properties, name), ctx);
      if (!node) continue;
      const location: PolicyLocation = { kind: type === 'AWS::IAM::ManagedPolicy' && boundaries.has(id) ? 'boundary' : kind, locator: `${id}.${name}`, node };
      if (IMPLIED_RESOURCE.has(type)) location.impliedResource = true;
      if (NOT_APPLICABLE[type]) location.notApplicable = NOT_APPLICABLE[type];
      const duration = prop(properties, 'MaxSessionDuration');
      if (kind === 'trust' && (duration?.type === 'number' || duration?.type === 'string') && Number.isFinite(Number(duration.value))) location.maxSessionDuration = Number(duration.value);
      out.push(location);
    }
    if (INLINE_POLICIES.has(type)) {
      listItems(prop(properties, 'Policies'), ctx).forEach((item, i) => {
        const node = policyObject(prop(item, 'PolicyDocument'), ctx);
        if (node) out.push({ kind: 'identity', locator: `${id}.Policies[${i}].PolicyDocument`, node });
      });
    }
    if (SAM_POLICIES.has(type)) {
      const policies = prop(properties, 'Policies');
      // One inline policy, or a list whose inline policies are objects with a Statement; names
      // (`AmazonS3ReadOnlyAccess`) and SAM policy templates (`DynamoDBReadPolicy: …`) are not policies here.
      const single = policyObject(policies, ctx);
      if (single) out.push({ kind: 'identity', locator: `${id}.Policies`, node: single });
      else
        listItems(policies, ctx).forEach((item, i) => {
          const node = policyObject(item, ctx);
          if (node) out.push({ kind: 'identity', locator: `${id}.Policies[${i}]`, node });
        });
    }
    if (type === 'AWS::Lambda::Permission') {
      const permission = lambdaPermission(properties);
      if (permission) out.push({ kind: 'resource', locator: id, synthetic: true, ...permission });
    }
    if (type === 'AWS::Organizations::Policy') {
      const kind = ORGANIZATIONS_KINDS[stringValue(prop(properties, 'Type')) ?? ''];
      const node = policyObject(prop(properties, 'Content'), ctx);
      if (kind && node) out.push({ kind, locator: `${id}.Content`, node });
    }
  }
  return out;
}

/** Managed policies a role, user or group names as its PermissionsBoundary by `Ref`. */
function boundaryPolicies(ctx: TemplateContext): Set<string> {
  const out = new Set<string>();
  for (const { value: resource } of entries(ctx.resources)) {
    const boundary = prop(prop(resource, 'Properties'), 'PermissionsBoundary');
    if (boundary && intrinsicName(boundary) === 'Ref') {
      const target = stringValue(boundary.children?.[0]?.children?.[1]);
      if (target && stringValue(prop(prop(ctx.resources, target), 'Type')) === 'AWS::IAM::ManagedPolicy') out.add(target);
    }
  }
  return out;
}

/** The policy object a property holds: written out, or the first branch of an Fn::If. */
function policyObject(node: Node | undefined, ctx: TemplateContext): Node | undefined {
  const value = node && intrinsicName(node) === 'Fn::If' ? branch(node, ctx) : node;
  return value?.type === 'object' && prop(value, 'Statement') !== undefined ? value : undefined;
}

function branch(node: Node, ctx: TemplateContext): Node | undefined {
  const r = resolveIntrinsic(node, ctx);
  return r.kind === 'node' ? r.node : undefined;
}

function listItems(node: Node | undefined, ctx: TemplateContext): Node[] {
  if (node?.type !== 'array') return [];
  return (node.children ?? []).flatMap((item) => (intrinsicName(item) === 'Fn::If' ? branch(item, ctx) ?? [] : [item]));
}

/**
 * `AWS::Lambda::Permission` is one statement of the function's resource policy: its principal
 * may invoke (`Action`) the function, under `SourceArn`/`SourceAccount`/`PrincipalOrgID`.
 * The statement is built on the permission's own properties, so findings sit on them.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-permission.html
 */
function lambdaPermission(properties: Node): { node: Node; unknownRanges: OffsetRange[] } | undefined {
  const action = propNode(properties, 'Action');
  const principal = propNode(properties, 'Principal');
  const fn = propNode(properties, 'FunctionName');
  if (!action?.children?.[1] || !principal?.children?.[1] || !fn?.children?.[1]) return undefined;
  const whole = rangeOfNode(properties);
  const at = { start: whole.start, end: whole.start };
  const key = (p: Node) => rangeOfNode(p.children![0]);
  const statement = objectNode(whole);
  addChild(statement, propertyNode('Effect', at, scalarNode('string', 'Allow', at)));
  const who = principal.children[1];
  const written = stringValue(who);
  if (written === '*') addChild(statement, propertyNode('Principal', key(principal), who));
  else {
    const type = written !== undefined && written.endsWith('.amazonaws.com') ? 'Service' : 'AWS';
    addChild(statement, propertyNode('Principal', key(principal), objectNode(rangeOfNode(who), [propertyNode(type, key(principal), who)])));
  }
  addChild(statement, propertyNode('Action', key(action), action.children[1]));
  // The function's name or ARN stands for the resource: its ARN is the function's, whatever is written.
  addChild(statement, propertyNode('Resource', key(fn), fn.children[1]));
  const conditions: Array<[string, string, string]> = [
    ['SourceArn', 'ArnLike', 'aws:SourceArn'],
    ['SourceAccount', 'StringEquals', 'aws:SourceAccount'],
    ['PrincipalOrgID', 'StringEquals', 'aws:PrincipalOrgID'],
  ];
  const present = conditions.map(([name, operator, conditionKey]) => ({ p: propNode(properties, name), operator, conditionKey })).filter((c) => c.p?.children?.[1]);
  if (present.length > 0) {
    const condition = objectNode(whole);
    const operators = new Map<string, Node>();
    for (const c of present) {
      let op = operators.get(c.operator);
      if (!op) {
        op = objectNode(rangeOfNode(c.p!));
        operators.set(c.operator, op);
        addChild(condition, propertyNode(c.operator, key(c.p!), op));
      }
      addChild(op, propertyNode(c.conditionKey, key(c.p!), c.p!.children![1]));
    }
    addChild(statement, propertyNode('Condition', at, condition));
  }
  const policy = objectNode(whole, [propertyNode('Version', at, scalarNode('string', '2012-10-17', at)), propertyNode('Statement', at, arrayNode(whole, [statement]))]);
  return { node: policy, unknownRanges: [rangeOfNode(fn.children[1])] };
}

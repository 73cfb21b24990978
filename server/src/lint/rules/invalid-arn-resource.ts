import type { IamData } from '../../data/iamData';
import { parseArn } from '../../iam/arn';
import { isOpenPart, resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

// The resource part of an ARN must fit one of the service's resource types.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-arn-resource
// Conservative, because the reference misses some resource types that exist (CloudFormation's
// `transform/…`): only resource parts written without wildcards or variables are checked, and
// only their first token (up to the first `/` or `:`) is compared with the literal text that
// starts each template (`table/` of `table/${TableName}`), across every service whose resource
// types use this ARN service. A service with a template that starts with a variable (S3's
// `${BucketName}`) accepts anything.
const prefixIndex = new WeakMap<IamData, Map<string, string[]>>();

function templatePrefixes(data: IamData): Map<string, string[]> {
  let index = prefixIndex.get(data);
  if (index) return index;
  index = new Map();
  for (const service of data.serviceKeys()) {
    for (const t of data.resourceTypes(service)) {
      const arn = parseArn(t.arn);
      if (!arn) continue;
      const key = arn.service.toLowerCase();
      const variable = arn.resource.indexOf('${');
      const prefix = (variable < 0 ? arn.resource : arn.resource.slice(0, variable)).toLowerCase();
      const list = index.get(key) ?? [];
      list.push(prefix);
      index.set(key, list);
    }
  }
  prefixIndex.set(data, index);
  return index;
}

/** `table/Orders` → `table`; `function:fn:prod` → `function`. */
function firstToken(resource: string): string {
  const end = resource.search(/[/:]/);
  return (end < 0 ? resource : resource.slice(0, end)).toLowerCase();
}

/** A template's literal start, cut to its first token when it has a separator, else the whole literal. */
function templateFits(prefix: string, token: string, resource: string): boolean {
  if (prefix === '') return true;
  const cut = prefix.search(/[/:]/);
  if (cut < 0) return resource.toLowerCase().startsWith(prefix);
  return prefix.slice(0, cut) === token;
}

export const invalidArnResource: LintRule = {
  code: 'INVALID_ARN_RESOURCE',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { value, arn } of resourceArns(model)) {
      // A variable anywhere (even one holding a colon, `${aws:PrincipalAccount}`) leaves the split uncertain.
      if (!arn || arn.resource === '' || value.text.includes('${') || isOpenPart(arn.service) || isOpenPart(arn.resource)) continue;
      const prefixes = templatePrefixes(data).get(arn.service.toLowerCase());
      if (!prefixes) continue;
      const token = firstToken(arn.resource);
      // A resource part that starts with a separator is a path (`/workspaces`, `/restapis/…`):
      // API Gateway writes its ARNs so, and AWS's own managed policies write aps and robomaker
      // ARNs so (AmazonSageMakerHyperPodObservabilityAdminAccess, AWSDeepRacerCloudFormationAccessPolicy)
      // where the reference lists none; Access Analyzer accepts them.
      if (token === '') continue;
      if (prefixes.some((p) => templateFits(p, token, arn.resource))) continue;
      report(value.range, 'Resource ARN does not match the expected ARN format. Update the resource portion of the ARN.');
    }
  },
};

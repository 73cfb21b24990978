import { policyTargets, serviceUsesArnService } from '../support/attachedResource';
import type { LintRule } from '../types';

// A resource-based policy governs its own resource: a KMS key ARN in an S3 bucket policy names
// nothing the policy can apply to. https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-unsupported-resource-arn-in-policy
// Access Analyzer is told the resource type; here it is inferred, and only when the policy is
// unambiguous: every action belongs to one known service S, and at least one Resource ARN is of
// a service S's resource types use. ARNs of other services are flagged.
export const unsupportedResourceArnInPolicy: LintRule = {
  code: 'UNSUPPORTED_RESOURCE_ARN_IN_POLICY',
  type: 'ERROR',
  kinds: ['resource'],
  check({ model, data }, report) {
    const { actions, arns } = policyTargets(model);
    if (!actions || !arns || actions.length === 0) return;
    const service = actions[0].service;
    if (!data.serviceExists(service) || actions.some((a) => a.service !== service)) return;
    if (!arns.some((a) => serviceUsesArnService(data, service, a.service))) return;
    for (const a of arns) {
      if (serviceUsesArnService(data, service, a.service)) continue;
      report(a.value.range, `The resource ARN is not supported for the resource-based policy attached to the resource type ${service}.`);
    }
  },
};

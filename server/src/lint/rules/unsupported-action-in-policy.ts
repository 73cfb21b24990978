import { policyTargets, serviceUsesArnService } from '../support/attachedResource';
import type { LintRule } from '../types';

// A resource-based policy only governs actions on its own resource: KMS actions in an S3
// bucket policy never apply. https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-unsupported-action-in-policy
// Access Analyzer is told the resource type; here it is inferred, and only when the policy is
// unambiguous: every Resource is an ARN of one service T, and at least one action belongs to a
// service whose resource types use T's ARNs. Actions of services that have no T resources are flagged.
export const unsupportedActionInPolicy: LintRule = {
  code: 'UNSUPPORTED_ACTION_IN_POLICY',
  type: 'ERROR',
  kinds: ['resource'],
  check({ model, data }, report) {
    const { actions, arns } = policyTargets(model);
    if (!actions || !arns || arns.length === 0) return;
    const target = arns[0].service;
    if (arns.some((a) => a.service !== target)) return;
    const fits = (service: string) => !data.serviceExists(service) || serviceUsesArnService(data, service, target);
    if (!actions.some((a) => data.serviceExists(a.service) && fits(a.service))) return;
    for (const a of actions) {
      if (fits(a.service)) continue;
      report(a.value.range, `The action ${a.value.text} is not supported for the resource-based policy attached to the resource type ${target}.`);
    }
  },
};

// Guesses at the resource a resource-based policy is attached to. Access Analyzer is told the
// resource type (ValidatePolicy's validatePolicyResourceType); the editor is not, so the rules
// that need it infer it from the policy itself and stay silent when the policy does not say.
import type { IamData } from '../../data/iamData';
import { hasWildcard } from '../../iam/wildcard';
import type { PolicyModel, ScalarValue } from '../../policy/model';
import { parseArn } from '../../iam/arn';
import { memoize } from './memo';
import { stringValues } from './statements';

const arnServicesByService = new WeakMap<IamData, Map<string, Set<string>>>();

/** Whether some resource type of `service` (an action prefix) has ARNs of `arnService`. */
export function serviceUsesArnService(data: IamData, service: string, arnService: string): boolean {
  let index = arnServicesByService.get(data);
  if (!index) {
    index = new Map();
    arnServicesByService.set(data, index);
  }
  const key = service.toLowerCase();
  let set = index.get(key);
  if (!set) {
    set = new Set(data.resourceTypes(service).map((t) => parseArn(t.arn)?.service.toLowerCase() ?? ''));
    set.add(key);
    index.set(key, set);
  }
  return set.has(arnService.toLowerCase());
}

export interface ActionUse {
  value: ScalarValue;
  service: string;
}

export interface ArnUse {
  value: ScalarValue;
  service: string;
}

export interface PolicyTargets {
  /** Action values with a literal, known service prefix; undefined when any action is `*` or has a wildcard service. */
  actions?: ActionUse[];
  /** Resource ARNs with a literal service; undefined when some Resource is not such an ARN (`*`, a wildcard service). */
  arns?: ArnUse[];
}

export const policyTargets = memoize((model: PolicyModel): PolicyTargets => {
  let actions: ActionUse[] | undefined = [];
  let arns: ArnUse[] | undefined = [];
  for (const st of model.statements) {
    if (st.notAction || st.notResource) return {};
    for (const v of stringValues(st.action?.values)) {
      const colon = v.text.indexOf(':');
      const service = colon > 0 ? v.text.slice(0, colon) : '';
      if (!service || hasWildcard(service)) actions = undefined;
      else actions?.push({ value: v, service: service.toLowerCase() });
    }
    for (const v of stringValues(st.resource?.values)) {
      const arn = parseArn(v.text);
      if (!arn || !arn.service || hasWildcard(arn.service) || arn.service.includes('${')) arns = undefined;
      else arns?.push({ value: v, service: arn.service.toLowerCase() });
    }
  }
  return { actions, arns };
});

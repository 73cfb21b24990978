// Names the Service Authorization Reference does not list: a typo, or a service or action the
// reference no longer (or does not yet) list. IAM saves a policy whatever actions it names, and
// AWS's own managed policies still name retired services (zocalo, deepracer, mobilehub, iot1click,
// …) and actions the reference has dropped (route53-recovery-control-config:DescribeRoutingControlByName)
// or not yet added. Only a name a couple of edits away from a listed one is plainly a typo and an
// ERROR; any other unlisted name is reported at a lower severity that says what we know: that
// our copy of the reference does not list it.
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
import { editDistance, type IamData } from '../../data/iamData';
import { wildcardMatch } from '../../iam/wildcard';
import type { PolicyModel, ScalarValue } from '../../policy/model';
import type { FixData } from '../types';
import { actionFacts } from './actionFacts';
import { memoize } from './memo';
import { prefixedConditionKeys } from './statements';

/** At most this many edits from a listed name reads as a typo of it. */
const TYPO_DISTANCE = 2;

export function isPlainTypo(written: string, suggestion: string): boolean {
  const name = (s: string) => s.slice(s.indexOf(':') + 1).toLowerCase();
  return editDistance(name(written), name(suggestion), TYPO_DISTANCE + 1) <= TYPO_DISTANCE;
}

export type GapCode = 'INVALID_ACTION' | 'UNKNOWN_ACTION' | 'INVALID_SERVICE_IN_ACTION' | 'UNKNOWN_SERVICE_IN_ACTION' | 'INVALID_SERVICE' | 'UNKNOWN_SERVICE';

export interface ReferenceGap {
  code: GapCode;
  range: ScalarValue['range'];
  message: string;
  data?: FixData;
}

function unlisted(data: IamData): string {
  return `the Service Authorization Reference this linter ships (iam-data ${data.version})`;
}

function computeGaps(model: PolicyModel, data: IamData): ReferenceGap[] {
  const out: ReferenceGap[] = [];
  for (const st of model.statements) {
    for (const f of [...actionFacts(st.action, data), ...actionFacts(st.notAction, data)]) {
      const text = f.text;
      if (text === '*' || f.hasVariable) continue;
      const range = f.value.range;
      if (f.colon < 0) {
        out.push({ code: 'INVALID_ACTION', range, message: `The action "${text}" is not valid: write actions as service:ActionName, e.g. s3:GetObject.` });
        continue;
      }
      if (f.colon === 0) continue;
      if (f.wildcardService) {
        if (!data.serviceKeys().some((k) => wildcardMatch(f.service, k, true))) out.push({ code: 'INVALID_SERVICE_IN_ACTION', range, message: `The service pattern "${f.service}" matches no service.` });
        continue;
      }
      if (!f.serviceKnown) {
        const suggestion = data.closestService(f.service);
        if (suggestion && isPlainTypo(f.service, suggestion)) {
          out.push({ code: 'INVALID_SERVICE_IN_ACTION', range, message: `The service ${f.service} specified in the action does not exist. Did you mean ${suggestion}?`, data: { fix: 'replaceService', suggestion } });
        } else {
          out.push({
            code: 'UNKNOWN_SERVICE_IN_ACTION',
            range,
            message: `The service ${f.service} is not in ${unlisted(data)}. It may be a retired service (IAM still accepts the action; it grants nothing once the service is gone) or one newer than that data.${suggestion ? ` If you meant ${suggestion}, correct it.` : ''}`,
            data: suggestion ? { fix: 'replaceService', suggestion } : undefined,
          });
        }
        continue;
      }
      if (f.colon === text.length - 1) {
        out.push({ code: 'INVALID_ACTION', range, message: `The action "${text}" has no action name after the colon.` });
        continue;
      }
      if (f.wildcard) {
        if (data.actionsMatching(text).length === 0) {
          out.push({ code: 'UNKNOWN_ACTION', range, message: `The action pattern "${text}" matches no ${data.serviceName(f.service)} action in ${unlisted(data)}.` });
        }
        continue;
      }
      if (f.info) continue;
      const suggestion = data.closestAction(text);
      if (suggestion && isPlainTypo(text, suggestion)) {
        out.push({ code: 'INVALID_ACTION', range, message: `The action ${text} does not exist in ${data.serviceName(f.service)}. Did you mean ${suggestion}?`, data: { fix: 'replaceAction', suggestion } });
      } else {
        out.push({
          code: 'UNKNOWN_ACTION',
          range,
          message: `The action ${text} is not in ${unlisted(data)} for ${data.serviceName(f.service)}. It may be retired (IAM still accepts it; it grants nothing the service checks) or newer than that data.${suggestion ? ` If you meant ${suggestion}, correct it.` : ''}`,
          data: suggestion ? { fix: 'replaceAction', suggestion } : undefined,
        });
      }
    }
  }
  for (const { entry, prefix } of prefixedConditionKeys(model.statements)) {
    if (prefix.toLowerCase() === 'aws' || data.serviceExists(prefix) || data.isFederationKeyPrefix(prefix)) continue;
    const suggestion = data.closestService(prefix);
    if (suggestion && isPlainTypo(prefix, suggestion)) {
      out.push({ code: 'INVALID_SERVICE', range: entry.key.range, message: `The service ${prefix} does not exist. Use a valid service name. Did you mean ${suggestion}?` });
    } else {
      out.push({
        code: 'UNKNOWN_SERVICE',
        range: entry.key.range,
        message: `The condition key's service ${prefix} is not in ${unlisted(data)}. It may be a retired service or one newer than that data; a key no request carries makes the condition false.`,
      });
    }
  }
  return out;
}

const byData = new WeakMap<IamData, (model: PolicyModel) => ReferenceGap[]>();

/** Every action, service or condition-key service the reference does not list, once per model. */
export function referenceGaps(model: PolicyModel, data: IamData): ReferenceGap[] {
  let get = byData.get(data);
  if (!get) byData.set(data, (get = memoize((m: PolicyModel) => computeGaps(m, data))));
  return get(model);
}

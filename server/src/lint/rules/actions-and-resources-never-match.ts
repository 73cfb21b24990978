import type { ActionInfo, IamData } from '../../data/iamData';
import { resourceMayMatchAction } from '../engineChecks/actionResources';
import { actionFacts, type ActionFact } from '../support/actionFacts';
import { stringValues } from '../support/statements';
import type { LintRule } from '../types';

/**
 * A statement whose actions and resources can never meet: no listed resource can be one that
 * any listed action is authorized against (`s3:GetObject` on a DynamoDB table ARN). Such a
 * statement grants or denies nothing. Only certain mismatches count: a statement mixing
 * services where some pair can match is fine, and NotAction/NotResource are not judged.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const actionsAndResourcesNeverMatch: LintRule = {
  code: 'ACTIONS_AND_RESOURCES_NEVER_MATCH',
  type: 'WARNING',
  // Trust policies have no Resource: the role is the resource.
  kinds: ['identity', 'resource', 'session', 'boundary', 'scp', 'rcp'],
  check({ model, data }, report) {
    for (const st of model.statements) {
      if (!st.action || !st.resource || st.notAction || st.notResource) continue;
      const resources = stringValues(st.resource.values).map((v) => v.text);
      if (resources.length === 0 || resources.length !== st.resource.values.length) continue;
      // Cheapest first: most statements name "*" or a non-ARN, which always may match.
      if (resources.some((r) => !r.startsWith('arn:') || /^\*+$/.test(r))) continue;
      const facts = actionFacts(st.action, data);
      const actions = facts.length === st.action.values.length ? knownActions(data, facts) : undefined;
      if (!actions || actions.length === 0) continue;
      if (actions.some((a) => resources.some((r) => resourceMayMatchAction(data, a, r)))) continue;
      const what = actions.length === 1 ? `${actions[0].service}:${actions[0].name} is never` : 'None of these actions is';
      const where = resources.length === 1 ? 'this resource' : 'any of these resources';
      report(
        st.resource.range,
        `${what} authorized against ${where}, so the statement never matches a request. Check the ARN (service, resource type) against the action's resource types in the Service Authorization Reference.`,
      );
    }
  },
};

/** Every action the Action element names, or undefined when one cannot be resolved (unknown, `*`, or a wildcard service). */
function knownActions(data: IamData, facts: readonly ActionFact[]): ActionInfo[] | undefined {
  const out = new Set<ActionInfo>();
  for (const f of facts) {
    if (f.colon < 0 || f.wildcardService) return undefined;
    if (!f.wildcard) {
      if (!f.info) return undefined;
      out.add(f.info);
      continue;
    }
    const found = data.actionsMatching(f.text);
    if (found.length === 0) return undefined;
    for (const a of found) out.add(a);
  }
  return [...out];
}

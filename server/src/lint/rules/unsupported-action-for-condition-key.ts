import type { ActionInfo } from '../../data/iamData';
import { actionSupportsKey } from '../support/conditionKeySupport';
import { actionFacts } from '../support/actionFacts';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// A service or identity-provider condition key is only in the request context of the actions
// that support it; for the others in the same statement the condition is not evaluated.
// Actions written with wildcards are not evaluated, as Access Analyzer does not, and only keys
// that at least one action of the statement supports are checked (a key no action lists is
// another check's business). Global (aws:) keys are left alone.
// Only role trust policies. This scope is INFERRED, not documented: the check's page names no
// policy types, and no AWS page or public issue thread we could find states Access Analyzer's
// rule (searched: the policy check reference, its archived GitHub source, and public issue
// threads on Access Analyzer and on open-source IAM validators). The inference rests on two facts:
// Access Analyzer added this check with its role trust policy checks (the AssumeRole* and
// TagSession actions, whose context keys it knows exactly), and the corpus's managed/ folder
// holds 19 AWS managed identity policies whose statements mix actions the reference lists a
// service key for with actions it does not (ec2:DescribeInstances beside ec2:ResourceTag/…,
// ram:GetResourceShares beside ram:ResourceShareName, AmazonCodeGuruReviewerFullAccess with
// codestar-connections:ProviderAction, …), on which issue 11 records Access Analyzer as silent:
// for permissions policies the reference's per-action key lists are too incomplete to call that
// an error. Widen the scope if a page or a finding on an identity policy shows otherwise.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-unsupported-action-for-condition-key
export const unsupportedActionForConditionKey: LintRule = {
  code: 'UNSUPPORTED_ACTION_FOR_CONDITION_KEY',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model, data }, report) {
    for (const st of model.statements) {
      if (!st.condition || !st.action) continue;
      const actions: ActionInfo[] = [];
      for (const f of actionFacts(st.action, data)) if (!f.wildcard && f.info) actions.push(f.info);
      if (actions.length < 2) continue;
      for (const { entry } of conditionUses(st)) {
        const key = entry.key.value;
        if (key.toLowerCase().startsWith('aws:') || !key.includes(':')) continue;
        const unsupported = actions.filter((a) => !actionSupportsKey(data, a, key));
        if (unsupported.length === 0 || unsupported.length === actions.length) continue;
        const names = [...new Set(unsupported.map((a) => `${a.service}:${a.name}`))].join(', ');
        report(
          entry.key.range,
          `The following actions: ${names} are not supported by the condition key ${key}. The condition will not be evaluated for these actions. We recommend that you move these actions to a different statement without this condition key.`,
        );
      }
    }
  },
};

import { conditionUses, isAllow, statementCoversAction } from '../support/statements';
import type { LintRule } from '../types';

// Session tags and the source identity are set by their own STS actions: a trust policy that
// conditions on them must also allow sts:TagSession or sts:SetSourceIdentity, or the values
// can never be passed. The setting action may be granted in another statement of the policy
// (the User Guide's own session-tag example does so), so only a policy that allows it nowhere is flagged. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html#id_credentials_temp_control-access_monitor-perms
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-missing-action-for-condition-key
function settingAction(lowerKey: string): string | undefined {
  if (lowerKey.startsWith('aws:requesttag/') || lowerKey === 'aws:tagkeys' || lowerKey === 'sts:transitivetagkeys') return 'sts:TagSession';
  if (lowerKey === 'sts:sourceidentity') return 'sts:SetSourceIdentity';
  return undefined;
}

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

export const missingActionForConditionKey: LintRule = {
  code: 'MISSING_ACTION_FOR_CONDITION_KEY',
  type: 'ERROR',
  kinds: ['trust'],
  check({ model }, report) {
    const allows = model.statements.filter(isAllow);
    for (const st of allows) {
      if (!st.action || !ASSUME_ACTIONS.some((a) => statementCoversAction(st, a))) continue;
      for (const { entry } of conditionUses(st)) {
        const action = settingAction(entry.key.value.toLowerCase());
        if (!action || allows.some((other) => statementCoversAction(other, action))) continue;
        report(
          entry.key.range,
          `The ${action} action must be in the action block to allow setting values for the condition key ${entry.key.value}. Add ${action} to the action block.`,
        );
      }
    }
  },
};

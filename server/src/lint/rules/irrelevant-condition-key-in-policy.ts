import type { DocumentKind } from '../../policy/model';
import { conditionUses } from '../support/statements';
import type { LintRule } from '../types';

// Keys that describe an AWS service principal making a request with its own credentials.
// Identity policies, permissions boundaries and session policies only ever apply to the IAM
// principal they are attached to or passed for, so in them these keys never describe the caller:
// aws:PrincipalIsAWSService is always false, aws:PrincipalServiceName absent. (SCPs are left alone:
// AWS's data perimeter samples write aws:PrincipalIsAWSService into SCPs as a guard.)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice
const SERVICE_PRINCIPAL_KEYS = new Set(['aws:principalisawsservice', 'aws:principalservicename', 'aws:principalservicenameslist']);

const KIND_NAMES: Partial<Record<DocumentKind, string>> = { identity: 'an identity policy', boundary: 'a permissions boundary', session: 'a session policy' };

export const irrelevantConditionKeyInPolicy: LintRule = {
  code: 'IRRELEVANT_CONDITION_KEY_IN_POLICY',
  type: 'SUGGESTION',
  kinds: ['identity', 'boundary', 'session'],
  check({ model, kind }, report) {
    for (const st of model.statements) {
      for (const { entry } of conditionUses(st)) {
        if (!SERVICE_PRINCIPAL_KEYS.has(entry.key.value.toLowerCase())) continue;
        report(
          entry.key.range,
          `The condition key ${entry.key.value} is not relevant in ${KIND_NAMES[kind]}: it describes AWS service principals, and this policy applies only to IAM principals. Remove the condition, or move it to a resource policy.`,
        );
      }
    }
  },
};

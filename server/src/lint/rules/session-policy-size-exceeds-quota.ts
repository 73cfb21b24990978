import { policyAnchor } from '../support/ranges';
import { SESSION_POLICY_QUOTA, sizeWithoutWhitespace, formatCount } from '../support/sizeQuotas';
import type { LintRule } from '../types';

// An inline session policy may hold at most 2,048 characters (STS AssumeRole `Policy` parameter):
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
export const sessionPolicySizeExceedsQuota: LintRule = {
  code: 'SESSION_POLICY_SIZE_EXCEEDS_QUOTA',
  type: 'ERROR',
  kinds: ['session'],
  check({ model, text }, report) {
    const size = sizeWithoutWhitespace(text);
    if (size > SESSION_POLICY_QUOTA) {
      report(policyAnchor(model), `The ${formatCount(size)} characters in the session policy, excluding whitespace, exceed the ${formatCount(SESSION_POLICY_QUOTA)} character maximum for an inline session policy; STS would refuse the request.`);
    }
  },
};

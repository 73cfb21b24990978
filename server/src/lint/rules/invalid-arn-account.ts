import { isAccountId } from '../../iam/arn';
import { principalProblems } from '../support/principalShapes';
import { isOpenPart, resourceArns } from '../support/resourceArns';
import type { LintRule } from '../types';

/** AWS-owned resources use a word instead of an account ID (`arn:aws:iam::aws:policy/…`). */
const AWS_OWNED_ACCOUNTS = ['aws'];

export const invalidArnAccount: LintRule = {
  code: 'INVALID_ARN_ACCOUNT',
  type: 'ERROR',
  check({ model, kind }, report) {
    for (const p of principalProblems(model, kind)) {
      if (p.code === 'INVALID_ARN_ACCOUNT') report(p.value.range, p.message, p.suggestion ? { fix: 'replaceAction', suggestion: p.suggestion } : undefined);
    }
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.account === '' || isOpenPart(arn.account) || isAccountId(arn.account) || AWS_OWNED_ACCOUNTS.includes(arn.account)) continue;
      report(value.range, `The resource ARN account ID "${arn.account}" is not valid. Provide a 12-digit account ID.`);
    }
  },
};

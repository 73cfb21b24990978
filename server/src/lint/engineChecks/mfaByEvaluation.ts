// Whether a role trust policy lets an IAM user in without MFA, asked of the evaluation
// engine: `sts:AssumeRole` by an IAM user of the account a trust statement names, with the
// policy as the role's trust policy and an identity policy that allows the call (a trust
// policy naming an account delegates to that account's identity policies).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
//
// Two requests without MFA: long-term access keys (aws:MultiFactorAuthPresent absent) and a
// GetSessionToken session without MFA (the key is `false`). A third request with MFA tells a
// refusal because of MFA apart from one because the sample request misses some other
// condition (an organization, a tag): only the first is an answer.
import { evaluate } from '../../engine';
import type { CredentialFacts, EvaluationRequest } from '../../engine/types';
import type { PolicyModel, Statement } from '../../policy/model';
import { policyModelFromObject } from '../../policy/parse';
import { parseArn } from '../support/arn';
import { classifyAwsPrincipal } from '../support/principals';
import { satisfyingContext } from './satisfyingContext';

export type MfaVerdict = 'allowedWithoutMfa' | 'mfaRequired' | 'undecided';

const MFA_KEYS = new Set(['aws:multifactorauthpresent', 'aws:multifactorauthage']);

let callerPolicy: PolicyModel | undefined;

/** The caller's identity policy: it may call sts:AssumeRole on any role. */
function assumeRoleIdentityPolicy(): PolicyModel {
  callerPolicy ??= policyModelFromObject({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
  })!;
  return callerPolicy;
}

/** The IAM user that stands for an `AWS` principal value (account ID, account root or user ARN). */
function sampleUser(principal: string): string | undefined {
  const who = classifyAwsPrincipal(principal);
  if (!who.account) return undefined;
  if (who.type === 'user') return /[*?]/.test(principal) ? undefined : principal;
  if (who.type === 'account' || who.type === 'root') return `arn:${parseArn(principal)?.partition ?? 'aws'}:iam::${who.account}:user/iam-sts-studio-sample`;
  return undefined;
}

export function mfaVerdict(trustPolicy: PolicyModel, st: Statement, principal: string): MfaVerdict {
  const caller = sampleUser(principal);
  if (!caller) return 'undecided';
  const account = classifyAwsPrincipal(principal).account!;
  const { context } = satisfyingContext(st, (k) => MFA_KEYS.has(k));
  const now = new Date();
  const ask = (credentials: CredentialFacts | undefined): boolean => {
    const request: EvaluationRequest = {
      principal: caller,
      action: 'sts:AssumeRole',
      resource: `arn:aws:iam::${account}:role/this-role`,
      context,
      credentials,
    };
    return evaluate(request, { resource: trustPolicy, identity: [assumeRoleIdentityPolicy()] }, { now }).decision === 'allowed';
  };
  if (ask(undefined) || ask({ issuedBy: 'GetSessionToken', mfa: false })) return 'allowedWithoutMfa';
  return ask({ issuedBy: 'GetSessionToken', mfa: true, mfaAuthenticatedAt: now.toISOString() }) ? 'mfaRequired' : 'undecided';
}

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
import type { PolicyModel, PrincipalBlock, PrincipalEntry, Statement } from '../../policy/model';
import { policyModelFromObject } from '../../policy/parse';
import { parseArn } from '../../iam/arn';
import { memoize } from '../support/memo';
import { classifyAwsPrincipal } from '../../iam/principals';
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

/**
 * The trust policy as an IAM user of `account` sees it: without the Principal and NotPrincipal
 * entries that cannot name that user (other accounts, services, federated providers), which
 * changes no decision for it. Asked once per principal of the policy, the whole policy would
 * make a trust policy of 4,000 accounts quadratic; this one costs what names the account.
 */
const trustPolicyFor = (trustPolicy: PolicyModel, account: string): PolicyModel => {
  const byAccount = narrowedTrustPolicies(trustPolicy);
  let narrowed = byAccount.models.get(account);
  if (!narrowed) {
    narrowed = { ...trustPolicy, statements: byAccount.statements.map((s) => narrowStatement(s, account)) };
    byAccount.models.set(account, narrowed);
  }
  return narrowed;
};

interface IndexedBlock {
  /** Entries that may name any caller: `*`, wildcards, values whose account is not plain. */
  always: PrincipalEntry[];
  byAccount: Map<string, PrincipalEntry[]>;
}

const narrowedTrustPolicies = memoize((model: PolicyModel) => ({
  models: new Map<string, PolicyModel>(),
  statements: model.statements.map((st) => ({ st, principal: st.principal && indexBlock(st.principal), notPrincipal: st.notPrincipal && indexBlock(st.notPrincipal) })),
}));

function indexBlock(block: PrincipalBlock): IndexedBlock {
  const always: PrincipalEntry[] = [];
  const byAccount = new Map<string, PrincipalEntry[]>();
  for (const e of block.entries) {
    if (e.kind !== 'AWS' && e.kind !== '*') continue; // never an IAM user
    const account = e.kind === 'AWS' && !/[*?]/.test(e.value.text) ? plainAccountOf(e.value.text) : undefined;
    if (account === undefined) always.push(e);
    else byAccount.set(account, [...(byAccount.get(account) ?? []), e]);
  }
  return { always, byAccount };
}

function plainAccountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const account = parseArn(value)?.account;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function narrowStatement(s: { st: Statement; principal?: IndexedBlock; notPrincipal?: IndexedBlock }, account: string): Statement {
  const narrow = (block: PrincipalBlock | undefined, index: IndexedBlock | undefined): PrincipalBlock | undefined =>
    block && index && { ...block, entries: [...index.always, ...(index.byAccount.get(account) ?? [])] };
  return { ...s.st, principal: narrow(s.st.principal, s.principal), notPrincipal: narrow(s.st.notPrincipal, s.notPrincipal) };
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
    return evaluate(request, { resource: trustPolicyFor(trustPolicy, account), identity: [assumeRoleIdentityPolicy()] }, { now }).decision === 'allowed';
  };
  if (ask(undefined) || ask({ issuedBy: 'GetSessionToken', mfa: false })) return 'allowedWithoutMfa';
  return ask({ issuedBy: 'GetSessionToken', mfa: true, mfaAuthenticatedAt: now.toISOString() }) ? 'mfaRequired' : 'undecided';
}

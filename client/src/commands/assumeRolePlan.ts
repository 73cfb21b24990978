import type { ProfileSummary } from '../sessions/profiles';
import type { AssumeRoleRequest } from '../sessions/stsTypes';

/**
 * The decisions of the Assume Role command that do not need an input box: which source
 * choices to offer, whether a profile assumes in one step, which optional inputs to ask for,
 * which role ARNs to suggest, and the request built from the answers.
 */

export type SourceChoice =
  | { kind: 'defaultChain' }
  /** A profile that describes a role: assumed in one step with its own settings. */
  | { kind: 'roleProfile'; profile: ProfileSummary }
  /** A profile whose credentials sign the AssumeRole call the user describes. */
  | { kind: 'sourceProfile'; profile: ProfileSummary };

/** A profile with role_arn and source_profile/credential_source (or a web identity token file). */
export function isOneStepRoleProfile(profile: ProfileSummary): boolean {
  return profile.kind === 'assume-role' || profile.kind === 'web-identity';
}

/** Profiles that cannot sign anything (only settings such as region) are left out. */
export function sourceChoices(profiles: readonly ProfileSummary[]): SourceChoice[] {
  const choices: SourceChoice[] = [];
  for (const profile of profiles) {
    if (isOneStepRoleProfile(profile)) {
      choices.push({ kind: 'roleProfile', profile });
    } else if (profile.kind !== 'settings-only') {
      choices.push({ kind: 'sourceProfile', profile });
    }
  }
  choices.push({ kind: 'defaultChain' });
  return choices;
}

export interface ChoiceText {
  label: string;
  description?: string;
  detail?: string;
}

const kindWords: Record<ProfileSummary['kind'], string> = {
  'assume-role': 'role profile',
  'web-identity': 'web identity profile',
  sso: 'IAM Identity Center (SSO)',
  'credential-process': 'credential_process',
  'static-keys': 'access keys',
  'settings-only': 'settings only',
};

/** What the source picker shows for a choice; never more of a key than its shortened ID. */
export function describeSourceChoice(choice: SourceChoice): ChoiceText {
  if (choice.kind === 'defaultChain') {
    return {
      label: 'Default credential chain',
      description: 'environment, AWS_PROFILE, SSO, container or instance credentials',
    };
  }
  const profile = choice.profile;
  if (choice.kind === 'roleProfile') {
    const via = profile.sourceProfile ? `via ${profile.sourceProfile}` : profile.credentialSource ? `via ${profile.credentialSource}` : 'with its token file';
    return {
      label: profile.name,
      description: `${kindWords[profile.kind]}: ${profile.roleArn ?? ''}`,
      detail: `Assumes the role in one step ${via}${profile.mfaSerial ? ', asks for an MFA code' : ''}.`,
    };
  }
  const key = profile.accessKeyIdHint ? ` ${profile.accessKeyIdHint}` : '';
  return {
    label: profile.name,
    description: `${kindWords[profile.kind]}${key}${profile.hasSessionToken ? ' (temporary)' : ''}`,
  };
}

export type OptionalInput = 'externalId' | 'mfa' | 'sessionPolicy' | 'tags' | 'sourceIdentity';

export interface OptionalInputChoice extends ChoiceText {
  input: OptionalInput;
  picked: boolean;
}

/** The optional AssumeRole inputs, preselected when the source profile already names them. */
export function optionalInputChoices(profile: ProfileSummary | undefined, hasActivePolicyEditor: boolean): OptionalInputChoice[] {
  return [
    {
      input: 'externalId',
      label: 'External ID',
      description: profile?.externalId ? `profile's external_id` : 'for a third-party role (sts:ExternalId)',
      picked: profile?.externalId !== undefined,
    },
    {
      input: 'mfa',
      label: 'MFA',
      description: profile?.mfaSerial ? `profile's mfa_serial ${profile.mfaSerial}` : 'device serial and a 6-digit code',
      picked: profile?.mfaSerial !== undefined,
    },
    {
      input: 'sessionPolicy',
      label: "Session policy: the active editor's policy",
      description: hasActivePolicyEditor ? 'limits the session further (≤ 2,048 characters)' : 'open the policy in an editor first',
      picked: false,
    },
    { input: 'tags', label: 'Session tags', description: 'Key=Value pairs', picked: false },
    { input: 'sourceIdentity', label: 'Source identity', description: 'sts:SourceIdentity, kept through role chaining', picked: false },
  ];
}

export interface RoleArnChoice extends ChoiceText {
  /** Undefined for the "enter an ARN" entry. */
  roleArn?: string;
}

/** The profile's role_arn first, then recently used roles, then "Enter a role ARN…". */
export function roleArnChoices(profile: ProfileSummary | undefined, recent: readonly string[]): RoleArnChoice[] {
  const choices: RoleArnChoice[] = [];
  if (profile?.roleArn) {
    choices.push({ roleArn: profile.roleArn, label: profile.roleArn, description: `role_arn of profile ${profile.name}` });
  }
  for (const arn of recent) {
    if (arn !== profile?.roleArn) {
      choices.push({ roleArn: arn, label: arn, description: 'recently used' });
    }
  }
  choices.push({ label: 'Enter a role ARN…', description: 'arn:aws:iam::ACCOUNT:role/NAME' });
  return choices;
}

/** What the Assume Role prompts ask: the request's inputs but for those the prompts never offer. */
export type AssumeRoleAnswers = Omit<AssumeRoleRequest, 'api' | 'policyArns' | 'transitiveTagKeys'>;

/** The request from the answers; optional inputs left empty are not sent at all. */
export function buildAssumeRoleRequest(answers: AssumeRoleAnswers): AssumeRoleRequest {
  const request: AssumeRoleRequest = {
    api: 'AssumeRole',
    roleArn: answers.roleArn.trim(),
    roleSessionName: answers.roleSessionName,
  };
  if (answers.durationSeconds !== undefined) request.durationSeconds = answers.durationSeconds;
  if (answers.externalId) request.externalId = answers.externalId;
  if (answers.mfaSerial) request.mfaSerial = answers.mfaSerial;
  if (answers.policy) request.policy = answers.policy;
  if (answers.tags && answers.tags.length > 0) request.tags = answers.tags;
  if (answers.sourceIdentity) request.sourceIdentity = answers.sourceIdentity;
  if (answers.roleChaining) request.roleChaining = true;
  return request;
}

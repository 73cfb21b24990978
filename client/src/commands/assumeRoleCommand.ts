import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { assumeProfileRole } from '../sessions/profileSessions';
import type { ProfileSummary } from '../sessions/profiles';
import type { StsGateways } from '../sessions/stsGateways';
import {
  validateExternalId,
  validateMfaSerial,
  validateRoleArn,
  validateRoleSessionName,
  validateSourceIdentity,
} from '../sessions/validation';
import {
  buildAssumeRoleRequest,
  describeSourceChoice,
  optionalInputChoices,
  roleArnChoices,
  sourceChoices,
  type AssumeRoleAnswers,
  type OptionalInput,
  type SourceChoice,
} from './assumeRolePlan';
import { askMfaCode, askText, pickDuration } from './prompts';
import { defaultRoleSessionName, profileDuration, parseSessionTags, profileDurationProblem, roleMaxFrom, sessionPolicyFromDocument, type PolicyDiagnostic } from './sessionInputs';
import type { RecentRoles } from './recentRolesStore';
import type { SessionIntake } from './sessionIntake';
import type { SignerPicker, SigningCredentials } from './signers';
import type { StsUi } from './stsUi';
import type { KnownRole } from '../../../server/src/protocol';

/**
 * "IAM STS: Assume Role…". A profile that already describes a role assumes in one step; any
 * other source (a profile with keys, SSO, credential_process, the default chain) leads through
 * the role ARN, session name, duration and the optional inputs the user ticks.
 */

const title = 'IAM STS: Assume Role';

export interface AssumeRoleCommandDeps {
  signers: SignerPicker;
  gateways: StsGateways;
  ui: StsUi;
  intake: SessionIntake;
  recentRoles: RecentRoles;
  /** Roles the workspace's templates define with this ARN's role name (asked of the language server). */
  knownRoles?: (roleArn: string) => Promise<KnownRole[]>;
}

function currentUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

const severityNames: Record<vscode.DiagnosticSeverity, PolicyDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The active editor's policy as a session policy, after our diagnostics and the size limit. */
export function sessionPolicyFromEditor(document: vscode.TextDocument | undefined): { policy?: string; problem?: string } {
  if (!document) {
    return { problem: 'Open the policy to use as the session policy in an editor, then run the command again.' };
  }
  const diagnostics = vscode.languages.getDiagnostics(document.uri).map((diagnostic) => ({
    severity: severityNames[diagnostic.severity],
    source: diagnostic.source,
    message: diagnostic.message,
    line: diagnostic.range.start.line,
  }));
  const parsed = sessionPolicyFromDocument(document.getText(), diagnostics);
  return parsed.ok ? { policy: parsed.value } : { problem: `${parsed.problem} (${vscode.workspace.asRelativePath(document.uri)})` };
}

async function pickSource(signers: SignerPicker): Promise<SourceChoice | undefined> {
  const items = sourceChoices(await signers.profiles()).map((choice) => ({ ...describeSourceChoice(choice), choice }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `${title}: source credentials`,
    placeHolder: 'A role profile assumes in one step; other profiles sign the AssumeRole call you describe next',
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.choice;
}

async function assumeRoleProfile({ gateways, ui, intake, recentRoles, knownRoles }: AssumeRoleCommandDeps, profile: ProfileSummary): Promise<void> {
  const roleMax = profile.roleArn ? roleMaxFrom((await knownRoles?.(profile.roleArn).catch(() => [])) ?? []) : undefined;
  const durationProblem = profileDurationProblem(profile, roleMax);
  if (durationProblem) {
    void vscode.window.showErrorMessage(`IAM STS: ${durationProblem}`);
    return;
  }
  const options = { ...gateways.profileOptions(profile.region), sessionName: defaultRoleSessionName(currentUserName()) };
  const result = await ui.withProgress(`Assuming ${profile.roleArn ?? profile.name}…`, () => assumeProfileRole(profile.name, options));
  if (!result.ok) {
    await ui.showError(result.error, profile.roleArn);
    return;
  }
  const value = result.value;
  recentRoles.remember('AssumeRole', value.request.roleArn);
  intake.add({
    request: value.request,
    issued: value.issued,
    region: value.region,
    endpoint: value.endpoint,
    profile: value.profile,
    sourceProfile: value.sourceProfile,
    usedMfa: value.usedMfa,
  });
}

async function pickRoleArn(recentRoles: RecentRoles, profile: ProfileSummary | undefined): Promise<string | undefined> {
  const choices = roleArnChoices(profile, recentRoles.list('AssumeRole'));
  let roleArn: string | undefined;
  if (choices.length > 1) {
    const picked = await vscode.window.showQuickPick(choices, { title: `${title}: role`, placeHolder: 'The role to assume', ignoreFocusOut: true });
    if (!picked) {
      return undefined;
    }
    roleArn = picked.roleArn;
  }
  return (
    roleArn ??
    askText({
      title: `${title}: role`,
      prompt: 'ARN of the role to assume',
      placeHolder: 'arn:aws:iam::123456789012:role/ReadOnly',
      validate: validateRoleArn,
    })
  );
}

async function pickOptionalInputs(profile: ProfileSummary | undefined, hasEditor: boolean): Promise<Set<OptionalInput> | undefined> {
  const choices = optionalInputChoices(profile, hasEditor);
  const picked = await vscode.window.showQuickPick(choices, {
    title: `${title}: optional inputs`,
    placeHolder: 'Tick what this AssumeRole call needs, then press Enter (none is fine)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return picked ? new Set(picked.map((choice) => choice.input)) : undefined;
}

/** Asks for the optional inputs that were ticked; undefined when the user cancels or a check refuses. */
async function askOptionalInputs(
  wanted: Set<OptionalInput>,
  profile: ProfileSummary | undefined,
  policyDocument: vscode.TextDocument | undefined,
): Promise<{ answers: Partial<AssumeRoleAnswers>; mfaCode?: string } | undefined> {
  const answers: Partial<AssumeRoleAnswers> = {};
  let mfaCode: string | undefined;
  if (wanted.has('sessionPolicy')) {
    // Checked first: a policy with errors stops the command before anything else is typed.
    const { policy, problem } = sessionPolicyFromEditor(policyDocument);
    if (problem) {
      void vscode.window.showErrorMessage(`IAM STS: the session policy cannot be used. ${problem}`);
      return undefined;
    }
    answers.policy = policy;
  }
  if (wanted.has('externalId')) {
    const value = await askText({ title: `${title}: external ID`, prompt: 'The sts:ExternalId the role owner gave you', value: profile?.externalId, validate: validateExternalId });
    if (value === undefined) return undefined;
    answers.externalId = value;
  }
  if (wanted.has('mfa')) {
    const serial = await askText({
      title: `${title}: MFA device`,
      prompt: 'ARN of your virtual MFA device, or the serial of a hardware token',
      value: profile?.mfaSerial,
      placeHolder: 'arn:aws:iam::123456789012:mfa/alice',
      validate: validateMfaSerial,
    });
    if (serial === undefined) return undefined;
    mfaCode = await askMfaCode(serial, `${title}: MFA code`);
    if (mfaCode === undefined) return undefined;
    answers.mfaSerial = serial;
  }
  if (wanted.has('tags')) {
    const value = await askText({
      title: `${title}: session tags`,
      prompt: 'Session tags as Key=Value, separated by commas',
      placeHolder: 'Project=blue, CostCenter=42',
      validate: (text) => {
        const parsed = parseSessionTags(text);
        return parsed.ok ? undefined : parsed.problem;
      },
    });
    if (value === undefined) return undefined;
    const parsed = parseSessionTags(value);
    answers.tags = parsed.ok ? parsed.value : undefined;
  }
  if (wanted.has('sourceIdentity')) {
    const value = await askText({ title: `${title}: source identity`, prompt: 'Source identity (usually your user name)', value: currentUserName(), validate: validateSourceIdentity });
    if (value === undefined) return undefined;
    answers.sourceIdentity = value;
  }
  return { answers, mfaCode };
}

async function assumeRoleStepByStep(deps: AssumeRoleCommandDeps, choice: SourceChoice, policyDocument: vscode.TextDocument | undefined): Promise<void> {
  const profile = choice.kind === 'sourceProfile' ? choice.profile : undefined;
  const signer = await deps.signers.ofChoice(choice);
  if (!signer) {
    return;
  }
  await assumeRoleWith(deps, signer, profile, policyDocument);
}

/** The step-by-step AssumeRole call signed by `signer` (a profile, the default chain, or a session: a role chain). */
export async function assumeRoleWith(
  { gateways, ui, intake, recentRoles, knownRoles }: AssumeRoleCommandDeps,
  signer: SigningCredentials,
  profile: ProfileSummary | undefined,
  policyDocument: vscode.TextDocument | undefined,
): Promise<void> {
  const roleArn = await pickRoleArn(recentRoles, profile);
  if (!roleArn) return;
  const roleSessionName = await askText({
    title: `${title}: session name`,
    prompt: 'Role session name (shows in CloudTrail and in the assumed-role ARN)',
    value: profile?.roleSessionName ?? defaultRoleSessionName(currentUserName()),
    validate: validateRoleSessionName,
  });
  if (!roleSessionName) return;
  // A role the workspace defines bounds the duration by its MaxSessionDuration.
  const roleMax = roleMaxFrom((await knownRoles?.(roleArn).catch(() => [])) ?? []);
  const durationSeconds = await pickDuration(`${title}: duration`, 'AssumeRole', { roleChaining: signer.isRoleSession, roleMax }, profileDuration(profile?.durationSeconds));
  if (durationSeconds === undefined) return;
  const wanted = await pickOptionalInputs(profile, policyDocument !== undefined);
  if (!wanted) return;
  const optional = await askOptionalInputs(wanted, profile, policyDocument);
  if (!optional) return;
  const request = buildAssumeRoleRequest({ roleArn, roleSessionName, durationSeconds, roleChaining: signer.isRoleSession, ...optional.answers });
  const region = profile?.region ?? signer.session?.region ?? gateways.region;
  const gateway = gateways.signedBy(signer, region);
  const result = await ui.withProgress(`Assuming ${request.roleArn}…`, () => gateway.issue(request, { mfaCode: optional.mfaCode }));
  if (!result.ok) {
    await ui.showError(result.error, request.roleArn, signer.session, region);
    return;
  }
  recentRoles.remember('AssumeRole', request.roleArn);
  intake.add({
    request,
    issued: result.value,
    region,
    endpoint: gateways.endpoint,
    sourceProfile: signer.profile ?? signer.session?.sourceProfile,
    usedMfa: optional.mfaCode !== undefined,
    inheritedMfaAt: signer.session?.mfaAt,
    chainedFrom: signer.session
      ? { sessionId: signer.session.id, title: signer.source.replace(/^session /, ''), chain: [...(signer.session.chainedFrom?.chain ?? []), signer.session.roleArn ?? signer.session.label] }
      : undefined,
  });
}

export async function assumeRoleCommand(deps: AssumeRoleCommandDeps): Promise<void> {
  // Captured before any picker opens: the session policy comes from the editor the user was in.
  const policyDocument = vscode.window.activeTextEditor?.document;
  const choice = await pickSource(deps.signers);
  if (!choice) {
    return;
  }
  if (choice.kind === 'roleProfile') {
    await assumeRoleProfile(deps, choice.profile);
    return;
  }
  await assumeRoleStepByStep(deps, choice, policyDocument);
}

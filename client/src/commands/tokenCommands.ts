import * as vscode from 'vscode';
import type { StsGateways } from '../sessions/stsGateways';
import type { GetFederationTokenRequest, GetSessionTokenRequest } from '../sessions/stsTypes';
import { validateFederationName, validateMfaSerial } from '../sessions/validation';
import { sessionPolicyFromEditor } from './assumeRoleCommand';
import { askMfaCode, askText, pickDuration } from './prompts';
import { parseSessionTags, profileDuration } from './sessionInputs';
import type { SessionIntake } from './sessionIntake';
import type { SignerPicker } from './signers';
import type { StsUi } from './stsUi';

/**
 * "Get Session Token (MFA)…" and "Get Federation Token…": both are called with an IAM user's
 * long-term keys, so role profiles are not offered as the signer.
 */

export interface TokenCommandDeps {
  signers: SignerPicker;
  gateways: StsGateways;
  ui: StsUi;
  intake: SessionIntake;
}

export async function getSessionTokenCommand({ signers, gateways, ui, intake }: TokenCommandDeps): Promise<void> {
  const title = 'IAM STS: Get Session Token';
  const profiles = await signers.profiles();
  const signer = await signers.pick(`${title}: IAM user credentials`, { includeRoleProfiles: false });
  if (!signer) return;
  const profile = profiles.find((candidate) => candidate.name === signer.profile);
  const serial = await askText({
    title: `${title}: MFA device`,
    prompt: 'ARN of your MFA device (leave empty for a session without MFA)',
    value: profile?.mfaSerial,
    placeHolder: 'arn:aws:iam::123456789012:mfa/alice',
    validate: validateMfaSerial,
    optional: true,
  });
  if (serial === undefined) return;
  const durationSeconds = await pickDuration(`${title}: duration`, 'GetSessionToken', {}, profileDuration(profile?.durationSeconds));
  if (durationSeconds === undefined) return;
  let mfaCode: string | undefined;
  if (serial) {
    mfaCode = await askMfaCode(serial, `${title}: MFA code`);
    if (mfaCode === undefined) return;
  }
  const request: GetSessionTokenRequest = { api: 'GetSessionToken', durationSeconds, mfaSerial: serial || undefined };
  const region = profile?.region ?? gateways.region;
  const gateway = gateways.signedBy(signer, region);
  const result = await ui.withProgress('Getting a session token…', () => gateway.issue(request, { mfaCode }));
  if (!result.ok) {
    await ui.showError(result.error);
    return;
  }
  intake.add({ request, issued: result.value, region, endpoint: gateways.endpoint, sourceProfile: signer.profile, usedMfa: mfaCode !== undefined });
}

export async function getFederationTokenCommand({ signers, gateways, ui, intake }: TokenCommandDeps): Promise<void> {
  const title = 'IAM STS: Get Federation Token';
  const policyDocument = vscode.window.activeTextEditor?.document;
  const signer = await signers.pick(`${title}: IAM user credentials`, { includeRoleProfiles: false });
  if (!signer) return;
  const name = await askText({ title: `${title}: name`, prompt: 'Name of the federated user (2–32 characters)', placeHolder: 'ci-bot', validate: validateFederationName });
  if (!name) return;
  const durationSeconds = await pickDuration(`${title}: duration`, 'GetFederationToken');
  if (durationSeconds === undefined) return;
  // Without a session policy a federated user has no permissions at all, so it is offered first.
  const policyChoice = await vscode.window.showQuickPick(
    [
      { label: "Use the active editor's policy", description: policyDocument ? vscode.workspace.asRelativePath(policyDocument.uri) : 'no editor open', use: true },
      { label: 'No session policy', description: 'the federated user gets no permissions (only managed policy ARNs would grant some)', use: false },
    ],
    { title: `${title}: session policy`, ignoreFocusOut: true },
  );
  if (!policyChoice) return;
  let policy: string | undefined;
  if (policyChoice.use) {
    const fromEditor = sessionPolicyFromEditor(policyDocument);
    if (fromEditor.problem) {
      void vscode.window.showErrorMessage(`IAM STS: the session policy cannot be used. ${fromEditor.problem}`);
      return;
    }
    policy = fromEditor.policy;
  }
  const tagsText = await askText({
    title: `${title}: session tags`,
    prompt: 'Optional session tags as Key=Value, separated by commas (leave empty for none)',
    optional: true,
    validate: (text) => {
      const parsed = parseSessionTags(text);
      return parsed.ok ? undefined : parsed.problem;
    },
  });
  if (tagsText === undefined) return;
  const tags = parseSessionTags(tagsText);
  const request: GetFederationTokenRequest = {
    api: 'GetFederationToken',
    name,
    durationSeconds,
    policy,
    tags: tags.ok && tags.value.length > 0 ? tags.value : undefined,
  };
  const region = gateways.region;
  const gateway = gateways.signedBy(signer, region);
  const result = await ui.withProgress(`Getting a federation token for ${name}…`, () => gateway.issue(request));
  if (!result.ok) {
    await ui.showError(result.error);
    return;
  }
  intake.add({ request, issued: result.value, region, endpoint: gateways.endpoint, sourceProfile: signer.profile, usedMfa: false });
}

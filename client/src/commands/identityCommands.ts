import * as vscode from 'vscode';
import { revokeOlderSessionsPolicyJson, tokenIssueTimeValue } from '../sessions/revokePolicy';
import type { StsGateways } from '../sessions/stsGateways';
import { validateEncodedAuthorizationMessage } from '../sessions/validation';
import { sessionTitle } from '../views/sessionPresentation';
import { askText } from './prompts';
import { sessionIdOf, type SessionPicker } from './sessionPicker';
import type { SignerPicker, SigningCredentials } from './signers';
import type { StsUi } from './stsUi';

/** "Who Am I", "Decode Authorization Message" and "Generate Revoke-Older-Sessions Policy". */

export interface IdentityCommandDeps {
  signers: SignerPicker;
  gateways: StsGateways;
  ui: StsUi;
  sessions: SessionPicker;
}

async function signerFor({ signers, sessions }: IdentityCommandDeps, argument: unknown, title: string): Promise<SigningCredentials | undefined> {
  // Run from a session in the sidebar: that session. From the palette: the user picks.
  const id = sessionIdOf(argument);
  const session = id ? sessions.store.get(id) : undefined;
  if (session) {
    return signers.ofSession(session);
  }
  return signers.pick(title, { includeSessions: true });
}

export async function whoAmICommand(deps: IdentityCommandDeps, argument?: unknown): Promise<void> {
  const { gateways, ui } = deps;
  const signer = await signerFor(deps, argument, 'IAM STS: Who Am I');
  if (!signer) return;
  const gateway = gateways.signedBy(signer);
  const result = await ui.withProgress('Calling GetCallerIdentity…', () => gateway.getCallerIdentity());
  if (!result.ok) {
    // Signed for the Region of the settings, which may be an opt-in Region the session's token is not valid in.
    await ui.showError(result.error, undefined, signer.session, gateway.region);
    return;
  }
  const { arn, account, userId } = result.value;
  const copy = 'Copy ARN';
  const choice = await vscode.window.showInformationMessage(`IAM STS: ${signer.source} is ${arn} (account ${account}, user id ${userId}).`, copy);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(arn);
  }
}

export async function decodeAuthorizationMessageCommand({ signers, gateways, ui }: IdentityCommandDeps): Promise<void> {
  const title = 'IAM STS: Decode Authorization Message';
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  // A selection that includes the surrounding error text is cut down to the encoded part.
  const fromSelection = /Encoded authorization failure message:\s*(\S+)/i.exec(selected)?.[1] ?? selected;
  const encoded =
    fromSelection && !validateEncodedAuthorizationMessage(fromSelection)
      ? fromSelection
      : await askText({ title, prompt: 'The encoded authorization failure message from the AWS error', validate: validateEncodedAuthorizationMessage });
  if (!encoded) return;
  const signer = await signers.pick(`${title}: credentials (need sts:DecodeAuthorizationMessage)`, { includeSessions: true });
  if (!signer) return;
  const gateway = gateways.signedBy(signer);
  const result = await ui.withProgress('Decoding the authorization message…', () => gateway.decodeAuthorizationMessage(encoded));
  if (!result.ok) {
    await ui.showError(result.error, undefined, signer.session);
    return;
  }
  let content = result.value.decodedMessage;
  try {
    content = JSON.stringify(JSON.parse(content), null, 2);
  } catch {
    // Not JSON after all: shown as AWS sent it.
  }
  const document = await vscode.workspace.openTextDocument({ language: 'json', content });
  await vscode.window.showTextDocument(document);
}

export async function generateRevokePolicyCommand(sessions: SessionPicker, argument?: unknown): Promise<void> {
  const revokedAt = new Date();
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: `${revokeOlderSessionsPolicyJson(revokedAt)}\n` });
  await vscode.window.showTextDocument(document);
  const id = typeof argument === 'string' ? argument : undefined;
  const session = id ? sessions.store.get(id) : sessions.activeSession;
  const roleHint = session?.roleArn ? ` to ${sessionTitle(session).split(' ')[0]}` : '';
  void vscode.window.showInformationMessage(
    `IAM STS: attach this policy${roleHint} as the inline policy AWSRevokeOlderSessions: it denies every session issued before ` +
      `${tokenIssueTimeValue(revokedAt)}. Sessions issued later are not affected.`,
  );
}

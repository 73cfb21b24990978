import * as vscode from 'vscode';
import { revokeOlderSessionsPolicyJson, tokenIssueTimeValue } from '../sessions/revokePolicy';
import { StsGateway } from '../sessions/stsGateway';
import { validateEncodedAuthorizationMessage } from '../sessions/validation';
import { sessionTitle } from '../views/sessionPresentation';
import { askText } from './prompts';
import type { SigningCredentials, StsRuntime } from './stsRuntime';

/** "Who Am I", "Decode Authorization Message" and "Generate Revoke-Older-Sessions Policy". */

async function signerFor(runtime: StsRuntime, argument: unknown, title: string): Promise<SigningCredentials | undefined> {
  // Run from a session in the sidebar: that session. From the palette: the user picks.
  const id = typeof argument === 'string' ? argument : (argument as { sessionId?: unknown } | undefined)?.sessionId;
  const session = typeof id === 'string' ? runtime.store.get(id) : undefined;
  if (session) {
    return runtime.sessionCredentials(session);
  }
  return runtime.pickSigner(title, { includeSessions: true });
}

export async function whoAmICommand(runtime: StsRuntime, argument?: unknown): Promise<void> {
  const signer = await signerFor(runtime, argument, 'IAM STS: Who Am I');
  if (!signer) return;
  const gateway = new StsGateway({ ...runtime.gatewayOptions(), credentials: signer.provider, credentialsSource: signer.source });
  const result = await runtime.withProgress('Calling GetCallerIdentity…', () => gateway.getCallerIdentity());
  if (!result.ok) {
    await runtime.showError(result.error);
    return;
  }
  const { arn, account, userId } = result.value;
  const copy = 'Copy ARN';
  const choice = await vscode.window.showInformationMessage(`IAM STS: ${signer.source} is ${arn} (account ${account}, user id ${userId}).`, copy);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(arn);
  }
}

export async function decodeAuthorizationMessageCommand(runtime: StsRuntime): Promise<void> {
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
  const signer = await runtime.pickSigner(`${title}: credentials (need sts:DecodeAuthorizationMessage)`, { includeSessions: true });
  if (!signer) return;
  const gateway = new StsGateway({ ...runtime.gatewayOptions(), credentials: signer.provider, credentialsSource: signer.source });
  const result = await runtime.withProgress('Decoding the authorization message…', () => gateway.decodeAuthorizationMessage(encoded));
  if (!result.ok) {
    await runtime.showError(result.error);
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

export async function generateRevokePolicyCommand(runtime: StsRuntime, argument?: unknown): Promise<void> {
  const revokedAt = new Date();
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: `${revokeOlderSessionsPolicyJson(revokedAt)}\n` });
  await vscode.window.showTextDocument(document);
  const id = typeof argument === 'string' ? argument : undefined;
  const session = id ? runtime.store.get(id) : runtime.active.session;
  const roleHint = session?.roleArn ? ` to ${sessionTitle(session).split(' ')[0]}` : '';
  void vscode.window.showInformationMessage(
    `IAM STS: attach this policy${roleHint} as the inline policy AWSRevokeOlderSessions: it denies every session issued before ` +
      `${tokenIssueTimeValue(revokedAt)}. Sessions issued later are not affected.`,
  );
}

import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { dotenvText } from '../sessions/exports';
import { sessionTitle } from '../views/sessionPresentation';
import { assumeRoleWith, type AssumeRoleCommandDeps } from './assumeRoleCommand';
import type { SessionPicker } from './sessionPicker';
import type { StsUi } from './stsUi';

/**
 * "Assume Role from This Session…" (a role chain: the session's credentials sign AssumeRole, and
 * a role session as the source caps the new one at one hour as AWS does) and "Write Session to
 * .env File…" (only on request, with confirmation).
 */

export async function assumeRoleFromSessionCommand(deps: AssumeRoleCommandDeps & { sessions: SessionPicker }, argument?: unknown): Promise<void> {
  const policyDocument = vscode.window.activeTextEditor?.document;
  const session = await deps.sessions.resolve(argument, 'IAM STS: Assume Role from Session');
  if (!session) return;
  if (deps.sessions.store.stateOf(session) === 'expired') {
    void vscode.window.showWarningMessage(`IAM STS: ${sessionTitle(session)} has expired; refresh it first.`);
    return;
  }
  if (session.api === 'GetFederationToken') {
    void vscode.window.showWarningMessage('IAM STS: federated-user credentials (GetFederationToken) cannot call AssumeRole; STS allows them only GetCallerIdentity.');
    return;
  }
  await assumeRoleWith(deps, deps.signers.ofSession(session), undefined, policyDocument);
}

export async function writeEnvFileCommand({ sessions, ui }: { sessions: SessionPicker; ui: StsUi }, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Write Session to .env File');
  if (!session) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // No file-type filter: ".env" has no extension, and a dialog given an "env" filter saves it as ".env.env".
  const target = await vscode.window.showSaveDialog({ title: 'IAM STS: .env file for the session', defaultUri: folder ? vscode.Uri.joinPath(folder, '.env') : undefined });
  if (!target) return;
  const write = 'Write .env File';
  const confirmed = await vscode.window.showWarningMessage(
    `Write the secret key and session token of ${sessionTitle(session)} into ${vscode.workspace.asRelativePath(target)}?`,
    { modal: true, detail: `Anything that reads the file can use them until ${session.credentials.expiration.toISOString()}. Keep it out of version control (.gitignore).` },
    write,
  );
  if (confirmed !== write) return;
  ui.warnBeforeUse(session);
  await writeFile(target.fsPath, dotenvText(session), { encoding: 'utf8', mode: 0o600 });
  ui.log(`IAM STS: wrote session ${sessionTitle(session)} to ${target.fsPath} (on request).`);
  void vscode.window.showInformationMessage(`IAM STS: ${vscode.workspace.asRelativePath(target)} holds ${sessionTitle(session)}.`);
}

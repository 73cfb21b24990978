import * as vscode from 'vscode';
import { formatTimeLeft } from '../sessions/countdown';
import { exportText, validateProfileName, writeSessionToCredentialsFile, type ExportFormat, type ShellKind } from '../sessions/exports';
import { sharedConfigPaths } from '../sessions/profiles';
import type { ActiveSessionTracker } from '../views/activeSession';
import { sessionTitle } from '../views/sessionPresentation';
import { askText } from './prompts';
import type { RefreshScheduler } from '../sessions/refreshScheduler';
import type { SessionTerminals } from '../sessions/sessionTerminals.vscode';
import type { SessionPicker } from './sessionPicker';
import type { StsUi } from './stsUi';

/**
 * Commands on one existing session (from the sidebar or the palette): refresh, forget, copy the
 * credentials as exports, open a terminal with them, write them to a profile, and pick the
 * session in use. None of them logs or shows a secret.
 */

export interface SessionCommandDeps {
  sessions: SessionPicker;
  ui: StsUi;
}

export async function refreshSessionCommand({ sessions, ui }: SessionCommandDeps, scheduler: RefreshScheduler, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Refresh Session');
  if (!session) return;
  // Failures are shown by the scheduler's onRefreshFailed, which also keeps the old credentials.
  const outcome = await ui.withProgress(`Refreshing ${sessionTitle(session)}…`, async () => ({ ok: true as const, value: await scheduler.refreshNow(session.id) }));
  if (outcome.ok && outcome.value === 'refreshed') {
    const refreshed = sessions.store.get(session.id);
    if (refreshed) {
      void vscode.window.showInformationMessage(
        `IAM STS: ${sessionTitle(refreshed)} refreshed (${formatTimeLeft(refreshed.credentials.expiration, Date.now())}).`,
      );
    }
  }
}

export async function forgetSessionCommand({ sessions, ui }: SessionCommandDeps, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Forget Session');
  if (!session) return;
  sessions.store.forget(session.id);
  ui.log(`IAM STS: forgot session ${sessionTitle(session)}.`);
}

function shellKind(): ShellKind {
  if (/pwsh|powershell/i.test(vscode.env.shell)) return 'powershell';
  return /fish/i.test(vscode.env.shell) ? 'fish' : 'bash';
}

const formats: Array<{ format: ExportFormat; label: string; description: string; done: string }> = [
  { format: 'bash', label: 'bash / zsh', description: 'export NAME=…', done: 'export lines' },
  { format: 'fish', label: 'fish', description: 'set -gx NAME …', done: 'set -gx lines' },
  { format: 'powershell', label: 'PowerShell', description: '$Env:NAME = …', done: '$Env: lines' },
  { format: 'credentialProcess', label: 'credential_process JSON', description: 'Version, AccessKeyId, SecretAccessKey, SessionToken, Expiration', done: 'credential_process JSON' },
  { format: 'dotenv', label: '.env lines', description: 'NAME="…" for dotenv and docker --env-file', done: '.env lines' },
];

function refuseExpired(sessions: SessionPicker, sessionId: string, action: string): boolean {
  const session = sessions.store.get(sessionId);
  if (session && sessions.store.stateOf(session) === 'expired') {
    void vscode.window.showWarningMessage(`IAM STS: ${sessionTitle(session)} has expired; refresh it before you ${action}.`);
    return true;
  }
  return false;
}

export async function copyExportsCommand({ sessions, ui }: SessionCommandDeps, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Copy Credentials as Environment Exports');
  if (!session || refuseExpired(sessions, session.id, 'copy it')) return;
  ui.warnBeforeUse(session);
  const shell = shellKind();
  const ordered = [...formats].sort((a, b) => (a.format === shell ? -1 : b.format === shell ? 1 : 0));
  const picked = await vscode.window.showQuickPick(ordered, { title: 'IAM STS: Copy Credentials as…', placeHolder: `Format (your terminal: ${shell})` });
  if (!picked) return;
  await vscode.env.clipboard.writeText(exportText(session, picked.format));
  void vscode.window.showInformationMessage(
    `IAM STS: ${picked.done} for ${sessionTitle(session)} copied to the clipboard ` +
      `(valid for ${formatTimeLeft(session.credentials.expiration, Date.now()).replace(/ left$/, '')}).`,
  );
}

export async function openTerminalCommand({ sessions, ui }: SessionCommandDeps, terminals: SessionTerminals, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Open Terminal with Session');
  if (!session || refuseExpired(sessions, session.id, 'open a terminal with it')) return;
  ui.warnBeforeUse(session);
  terminals.open(session);
}

export async function writeSessionToProfileCommand({ sessions, ui }: SessionCommandDeps, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Write Session to Profile');
  if (!session || refuseExpired(sessions, session.id, 'write it to a profile')) return;
  const credentialsFile = sharedConfigPaths().credentialsFile;
  const profileName = await askText({
    title: 'IAM STS: Write Session to Profile',
    prompt: `Profile of ${credentialsFile} to write the session's credentials into`,
    value: session.roleArn ? `${session.roleArn.slice(session.roleArn.lastIndexOf('/') + 1).toLowerCase()}-session` : 'sts-session',
    validate: validateProfileName,
  });
  if (!profileName) return;
  const write = 'Write Credentials';
  const confirmed = await vscode.window.showWarningMessage(
    `Write the secret key and session token of ${sessionTitle(session)} into [${profileName}] of ${credentialsFile}?`,
    {
      modal: true,
      detail:
        'Any program that reads that file can then use them until they expire ' +
        `(${session.credentials.expiration.toISOString()}). The file stays as it is otherwise; other profiles are kept.`,
    },
    write,
  );
  if (confirmed !== write) return;
  try {
    const outcome = await writeSessionToCredentialsFile(session, profileName);
    if (!outcome.written) {
      void vscode.window.showErrorMessage(`IAM STS: ${outcome.reason}`);
      return;
    }
    ui.log(`IAM STS: wrote session ${sessionTitle(session)} to profile [${profileName}] of ${outcome.filePath} (on request).`);
    void vscode.window.showInformationMessage(`IAM STS: profile [${profileName}] now holds ${sessionTitle(session)}; use it with --profile ${profileName}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`IAM STS: could not write ${credentialsFile}: ${(error as Error).message}`);
  }
}

export async function selectActiveSessionCommand({ sessions }: SessionCommandDeps, active: ActiveSessionTracker, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Select the Session in Use');
  if (session) {
    active.select(session.id);
  }
}

import * as vscode from 'vscode';
import { sessionEnvironment } from './exports';
import { formatUtcTime, sessionTitle } from '../views/sessionPresentation';
import type { StsSession } from './sessionRecord';
import { SessionTerminalRegistry } from './sessionTerminals';

/** What happens to a session's terminals when the session is forgotten (`iamSts.terminal.whenSessionForgotten`). */
export type WhenSessionForgotten = 'mark' | 'close';

/**
 * Terminals opened with a session's credentials. After a refresh they still hold the old
 * credentials (a process's environment cannot change): the user is told and can open a new
 * one in its place. When the session is forgotten they are marked, or closed.
 */
export class SessionTerminals implements vscode.Disposable {
  private readonly registry = new SessionTerminalRegistry<vscode.Terminal>();
  private readonly subscription = vscode.window.onDidCloseTerminal((terminal) => this.registry.closed(terminal));

  open(session: StsSession): vscode.Terminal {
    const terminal = vscode.window.createTerminal({ name: `AWS ${sessionTitle(session)}`, env: sessionEnvironment(session) });
    this.registry.opened(session.id, terminal, session.credentials.accessKeyId);
    terminal.show();
    return terminal;
  }

  /** After a session changed: offer to replace the terminals that hold its old credentials. */
  async sessionUpdated(session: StsSession): Promise<void> {
    const stale = this.registry.staleAfterRefresh(session.id, session.credentials.accessKeyId);
    if (stale.length === 0) return;
    const which = stale.length === 1 ? `The terminal "${stale[0].name}" still holds` : `${stale.length} terminals still hold`;
    const replace = stale.length === 1 ? 'Open a New Terminal' : 'Open New Terminals';
    const choice = await vscode.window.showInformationMessage(
      `IAM STS: ${sessionTitle(session)} was refreshed. ${which} the credentials from before the refresh; a terminal keeps the environment it started with.`,
      replace,
    );
    if (choice !== replace) return;
    for (const old of stale) {
      if (vscode.window.terminals.includes(old)) {
        this.open(session);
        old.dispose();
      }
    }
  }

  /** After a session was forgotten: close its terminals, or mark them (renamed) and say until when they still work. */
  async sessionForgotten(session: StsSession, when: WhenSessionForgotten): Promise<void> {
    const open = this.registry.forgotten(session.id).filter((t) => vscode.window.terminals.includes(t));
    if (open.length === 0) return;
    if (when === 'close') {
      for (const terminal of open) terminal.dispose();
      return;
    }
    const close = open.length === 1 ? 'Close Terminal' : 'Close Terminals';
    const choice = vscode.window.showWarningMessage(
      `IAM STS: ${sessionTitle(session)} was forgotten, but ${open.length === 1 ? 'its terminal still holds' : `its ${open.length} terminals still hold`} ` +
        `its credentials, valid until ${formatUtcTime(session.credentials.expiration)}.`,
      close,
    );
    for (const terminal of open) {
      try {
        // Renaming acts on the active terminal: show it first, keeping the focus where it is.
        terminal.show(true);
        await vscode.commands.executeCommand('workbench.action.terminal.renameWithArg', { name: `${terminal.name} (session forgotten)` });
      } catch {
        // The warning above still says it; a name is only a mark.
      }
    }
    if ((await choice) === close) for (const terminal of open) terminal.dispose();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

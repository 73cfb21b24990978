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
        // A terminal whose shell has not started yet (one a refresh's replacement just opened)
        // takes its given name again when it starts: a rename before that is lost. So wait for
        // its process first.
        await withTimeout(terminal.processId, ACTIVE_WAIT_MS);
        // Renaming acts on the active terminal: show it first, keeping the focus where it is, and
        // rename only once the window says it is active. `show` only asks the window; renaming at
        // once could name another terminal.
        terminal.show(true);
        if (await becameActive(terminal, ACTIVE_WAIT_MS)) {
          await vscode.commands.executeCommand('workbench.action.terminal.renameWithArg', { name: `${terminal.name} (session forgotten)` });
        }
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

/** How long a terminal asked to show is waited for to become the active one before it is left unmarked. */
const ACTIVE_WAIT_MS = 5000;

/** Whether `terminal` is, or within `ms` becomes, the window's active terminal. */
function becameActive(terminal: vscode.Terminal, ms: number): Promise<boolean> {
  if (vscode.window.activeTerminal === terminal) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (active: boolean) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(active);
    };
    const timer = setTimeout(() => done(vscode.window.activeTerminal === terminal), ms);
    const listener = vscode.window.onDidChangeActiveTerminal((t) => {
      if (t === terminal) done(true);
    });
  });
}

/** `promise`'s value, or undefined once `ms` have passed. */
function withTimeout<T>(promise: Thenable<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([Promise.resolve(promise), new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}

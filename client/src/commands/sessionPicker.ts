import * as vscode from 'vscode';
import { formatTimeLeft } from '../sessions/countdown';
import type { StsSession } from '../sessions/sessionRecord';
import type { SessionStore } from '../sessions/sessionStore';
import type { ActiveSessionTracker } from '../views/activeSession';
import { issuedWords, sessionTitle } from '../views/sessionPresentation';

/** The session id a command was run with: from a tree item (`{ sessionId }`) or a string. */
export function sessionIdOf(argument: unknown): string | undefined {
  const id = typeof argument === 'string' ? argument : (argument as { sessionId?: unknown } | undefined)?.sessionId;
  return typeof id === 'string' ? id : undefined;
}

/** The session a command acts on: the tree item it was run from, else one the user picks. */
export class SessionPicker {
  constructor(
    readonly store: SessionStore,
    private readonly active: ActiveSessionTracker,
  ) {}

  get activeSession(): StsSession | undefined {
    return this.active.session;
  }

  async resolve(argument: unknown, title: string): Promise<StsSession | undefined> {
    const id = sessionIdOf(argument);
    const byId = id ? this.store.get(id) : undefined;
    if (byId) return byId;
    const sessions = this.store.list();
    if (sessions.length === 0) {
      void vscode.window.showInformationMessage('IAM STS: there is no session yet. Run "IAM STS: Assume Role…" first.');
      return undefined;
    }
    if (sessions.length === 1) {
      return sessions[0];
    }
    const activeId = this.active.session?.id;
    const ordered = [...sessions].sort((a, b) => (a.id === activeId ? -1 : b.id === activeId ? 1 : 0));
    const picked = await vscode.window.showQuickPick(
      ordered.map((session) => ({
        label: sessionTitle(session),
        description: `${session.id === activeId ? 'in use · ' : ''}${session.api} · ${issuedWords(session)} · ${formatTimeLeft(session.credentials.expiration, Date.now())}`,
        session,
      })),
      { title, placeHolder: 'Pick a session' },
    );
    return picked?.session;
  }
}

import * as vscode from 'vscode';
import { formatTimeLeft } from '../sessions/countdown';
import { sessionFromIssued, type NewSessionInput, type StsSession } from '../sessions/sessionRecord';
import type { SessionStore } from '../sessions/sessionStore';
import { sessionTitle } from '../views/sessionPresentation';

/** Where a newly issued session goes: the store (it becomes the one in use), and the user is told. */
export class SessionIntake {
  constructor(
    private readonly store: SessionStore,
    private readonly onAdded: (session: StsSession, requestId: string | undefined) => void = () => {},
  ) {}

  add(input: Omit<NewSessionInput, 'now'>): StsSession {
    const session = this.store.add(sessionFromIssued({ ...input, now: new Date() }));
    this.onAdded(session, input.issued.requestId);
    const left = formatTimeLeft(session.credentials.expiration, Date.now());
    void vscode.window.showInformationMessage(`IAM STS: ${sessionTitle(session)} is ready (${left}) and in use.`);
    return session;
  }
}

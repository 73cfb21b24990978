import * as vscode from 'vscode';
import type { SessionStore } from '../sessions/sessionStore';
import type { ActiveSessionTracker } from './activeSession';
import { presentStatusBar, type EndpointInUse } from './sessionPresentation';

/** The status bar item: the session in use and its time left; a click picks another session. */
export class SessionStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(
    private readonly store: SessionStore,
    private readonly active: ActiveSessionTracker,
    selectCommand: string,
    private readonly endpointInUse: () => EndpointInUse,
  ) {
    this.item = vscode.window.createStatusBarItem('iamSts.session', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'IAM STS Session';
    this.item.command = selectCommand;
  }

  redraw(): void {
    const sessions = this.store.list();
    if (sessions.length === 0) {
      this.item.hide();
      return;
    }
    const session = this.active.session;
    const look = presentStatusBar(session, session ? this.store.stateOf(session) : undefined, Date.now(), sessions.length, this.endpointInUse());
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.backgroundColor = look.backgroundColorId ? new vscode.ThemeColor(look.backgroundColorId) : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

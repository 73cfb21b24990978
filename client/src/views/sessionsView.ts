import * as vscode from 'vscode';
import type { SessionStore } from '../sessions/sessionStore';
import type { StsSettings } from '../sessions/stsSettings.vscode';
import type { ActiveSessionTracker } from './activeSession';
import { presentEndpoint, type EndpointInUse } from './sessionPresentation';
import { SessionStatusBar } from './sessionStatusBar';
import { SessionsTreeProvider } from './sessionsTreeProvider';

export const sessionsViewId = 'iamSts.sessions';

/**
 * The Sessions view and the status bar item, drawn from the store and the session in use. A
 * custom endpoint receives the user's credentials: the view says which one is in use, in its
 * body (a one-view container hides the view's description). A message hides the welcome
 * content, so with the regional AWS endpoint and no session yet the welcome text (which names
 * iamSts.region) shows instead; with a custom endpoint the message always does.
 */
export class SessionsView implements vscode.Disposable {
  private readonly tree: SessionsTreeProvider;
  private readonly treeView: vscode.TreeView<string>;
  private readonly statusBar: SessionStatusBar;

  constructor(
    private readonly store: SessionStore,
    active: ActiveSessionTracker,
    private readonly settings: { readonly current: StsSettings },
    selectCommand: string,
  ) {
    this.tree = new SessionsTreeProvider(store, active);
    this.treeView = vscode.window.createTreeView(sessionsViewId, { treeDataProvider: this.tree });
    this.statusBar = new SessionStatusBar(store, active, selectCommand, () => this.endpointInUse());
    this.describeEndpoint();
  }

  /** Redraws countdowns and states (every tick). */
  redraw(): void {
    this.tree.redraw();
    this.statusBar.redraw();
  }

  /** Redraws everything, the endpoint line too (after a change of sessions or settings). */
  update(): void {
    this.describeEndpoint();
    this.redraw();
  }

  private endpointInUse(): EndpointInUse {
    const { region, endpoint } = this.settings.current;
    return { region, endpoint };
  }

  private describeEndpoint(): void {
    const inUse = this.endpointInUse();
    const look = presentEndpoint(inUse);
    const empty = this.store.list().length === 0;
    this.treeView.description = look.description;
    this.treeView.message = !empty ? look.message : inUse.endpoint ? `${look.message}. No session yet: Assume Role… (+ above).` : undefined;
  }

  dispose(): void {
    this.statusBar.dispose();
    this.treeView.dispose();
    this.tree.dispose();
  }
}

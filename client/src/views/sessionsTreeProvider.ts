import * as vscode from 'vscode';
import type { SessionStore } from '../sessions/sessionStore';
import type { ActiveSessionTracker } from './activeSession';
import { presentSession } from './sessionPresentation';

/**
 * The Sessions view: one item per session with its state icon and live countdown. Elements are
 * session ids, so commands run from an item receive the id. When the store is empty the view's
 * welcome content (package.json `viewsWelcome`) offers "Assume Role…".
 */
export class SessionsTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: SessionStore,
    private readonly active: ActiveSessionTracker,
  ) {}

  /** Redraws every item (countdowns, states, the session in use). */
  redraw(): void {
    this.changed.fire(undefined);
  }

  getChildren(element?: string): string[] {
    return element ? [] : this.store.list().map((session) => session.id);
  }

  getTreeItem(id: string): vscode.TreeItem {
    const session = this.store.get(id);
    if (!session) {
      return new vscode.TreeItem('(forgotten session)');
    }
    const look = presentSession(session, this.store.stateOf(session), Date.now(), { inUse: this.active.session?.id === id });
    const item = new vscode.TreeItem(look.label, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.description = look.description;
    item.tooltip = new vscode.MarkdownString(look.tooltip);
    item.iconPath = new vscode.ThemeIcon(look.iconId, new vscode.ThemeColor(look.colorId));
    item.contextValue = look.contextValue;
    item.accessibilityInformation = { label: `${look.label}, ${look.description}` };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

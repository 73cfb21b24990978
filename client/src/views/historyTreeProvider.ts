import * as vscode from 'vscode';
import type { HistoryEntry, SessionHistory } from '../sessions/sessionHistory';
import { formatUtcTime } from './sessionPresentation';

/** The Session History view: newest first, one row per issue or refresh; never a secret. */
export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly history: SessionHistory) {
    this.subscription = history.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(element?: HistoryEntry): HistoryEntry[] {
    return element ? [] : [...this.history.list()].reverse();
  }

  getTreeItem(entry: HistoryEntry): vscode.TreeItem {
    const who = entry.arn ? entry.arn.split(':').slice(5).join(':') : entry.api;
    const item = new vscode.TreeItem(`${entry.event === 'refreshed' ? '↻ ' : ''}${who}`);
    const minutes = Math.round(entry.durationSeconds / 60);
    item.description = `${formatUtcTime(new Date(entry.at))} · ${entry.api} · ${minutes >= 60 ? `${Math.round(minutes / 6) / 10}h` : `${minutes}m`} · ${entry.region}`;
    item.tooltip = [
      `${entry.event} ${entry.at}`,
      `API: ${entry.api}`,
      entry.arn ? `ARN: ${entry.arn}` : undefined,
      entry.sessionName ? `Session name: ${entry.sessionName}` : undefined,
      `Duration: ${entry.durationSeconds} s`,
      entry.sourceProfile ? `Profile: ${entry.sourceProfile}` : undefined,
      `Region: ${entry.region}`,
      entry.requestId ? `Request id: ${entry.requestId}` : undefined,
      entry.chainedFrom ? `Chained from: ${entry.chainedFrom}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon(entry.event === 'refreshed' ? 'refresh' : 'history');
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

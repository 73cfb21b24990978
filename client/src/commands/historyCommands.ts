import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { historyCsv, type SessionHistory } from '../sessions/sessionHistory';

/** "Export Session History as CSV…" and "Clear Session History". */

export async function exportHistoryCommand(history: SessionHistory): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'IAM STS: export the session history',
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'sts-session-history.csv') : undefined,
    filters: { CSV: ['csv'] },
  });
  if (!target) return;
  await writeFile(target.fsPath, historyCsv(history.list()), 'utf8');
  void vscode.window.showInformationMessage(`IAM STS: ${history.list().length} history entries written to ${vscode.workspace.asRelativePath(target)}.`);
}

export async function clearHistoryCommand(history: SessionHistory): Promise<void> {
  const clear = 'Clear History';
  if ((await vscode.window.showWarningMessage('Clear the IAM STS session history?', { modal: true }, clear)) === clear) await history.clear();
}

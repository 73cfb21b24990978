// Commands the server's quick fixes ask the client to run: select the placeholder a fix wrote,
// and add an account to iamSts.ownAccounts.
import * as vscode from 'vscode';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function selectRange(uri: string, range: LspRange): void {
  const wanted = vscode.Uri.parse(uri).toString();
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === wanted);
  if (!editor) return;
  const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
  const select = () => {
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  select();
  // In a remote window (code-server, Remote-SSH) the code action's edit can restore the old
  // cursor after this command ran. Put the placeholder selection back once if something other
  // than the user's keyboard or mouse moves it away shortly after.
  const watch = vscode.window.onDidChangeTextEditorSelection((e) => {
    if (e.textEditor !== editor || e.selections[0].isEqual(selection)) return; // our own selection
    const byUser = e.kind === vscode.TextEditorSelectionChangeKind.Keyboard || e.kind === vscode.TextEditorSelectionChangeKind.Mouse;
    if (!byUser) select();
    stop();
  });
  const timer = setTimeout(() => stop(), 1500);
  const stop = () => {
    clearTimeout(timer);
    watch.dispose();
  };
}

export async function addOwnAccount(account: string): Promise<void> {
  if (!/^\d{12}$/.test(account)) return;
  const config = vscode.workspace.getConfiguration('iamSts');
  const inspected = config.inspect<string[]>('ownAccounts');
  // With a folder open the list goes with the workspace (teams share it); otherwise to user settings.
  const toWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const current = (toWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  const where = toWorkspace ? 'workspace' : 'user';
  if (current.includes(account)) {
    void vscode.window.showInformationMessage(`Account ${account} is already in iamSts.ownAccounts (${where} settings).`);
    return;
  }
  await config.update('ownAccounts', [...current, account], toWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`Added account ${account} to iamSts.ownAccounts (${where} settings).`);
}

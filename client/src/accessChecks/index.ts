// "No new access vs HEAD" in the editor: on save (iamSts.checks.noNewAccessOnSave) and from the
// "Compare access with HEAD" code lens, the committed text is read here (git) and the server
// runs the check and shows a diagnostic on each statement that grants new access.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { compareWithHeadRequest, documentInfoRequest, type CompareWithHeadResult } from '../../../server/src/protocol';
import { committedText } from './gitHead';

export const COMPARE_WITH_HEAD_COMMAND = 'iamSts.compareWithHead';

const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
];

function folders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
}

async function isPolicy(client: LanguageClient, document: vscode.TextDocument): Promise<boolean> {
  if (document.uri.scheme !== 'file' || (document.languageId !== 'json' && document.languageId !== 'jsonc')) return false;
  const info = await client.sendRequest(documentInfoRequest, { uri: document.uri.toString() });
  return info.kind !== undefined;
}

export function registerHeadComparison(context: vscode.ExtensionContext, client: LanguageClient): void {
  const lensesChanged = new vscode.EventEmitter<void>();

  // Git is not run for an untrusted workspace: its repository configuration is not the user's.
  async function compare(document: vscode.TextDocument): Promise<CompareWithHeadResult | 'notInGit' | 'untrusted'> {
    if (!vscode.workspace.isTrusted) return 'untrusted';
    const headText = await committedText(document.uri.fsPath, folders());
    if (headText === undefined) return 'notInGit';
    return client.sendRequest(compareWithHeadRequest, { uri: document.uri.toString(), headText });
  }

  context.subscriptions.push(
    lensesChanged,
    vscode.workspace.onDidSaveTextDocument(async (document) => {
      lensesChanged.fire();
      if (!vscode.workspace.getConfiguration('iamSts', document.uri).get<boolean>('checks.noNewAccessOnSave', true)) return;
      if (await isPolicy(client, document)) await compare(document);
    }),
    vscode.commands.registerCommand(COMPARE_WITH_HEAD_COMMAND, async (target?: vscode.Uri | string) => {
      const uri = typeof target === 'string' ? vscode.Uri.parse(target) : (target ?? vscode.window.activeTextEditor?.document.uri);
      if (!uri) return undefined;
      const document = await vscode.workspace.openTextDocument(uri);
      const result = await compare(document);
      if (result === 'untrusted') void vscode.window.showWarningMessage('Compare access with HEAD runs git, which needs a trusted workspace.');
      else if (result === 'notInGit') void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} is in no git repository of this workspace.`);
      else if (result.result === 'PASS') void vscode.window.showInformationMessage(`No new access compared with HEAD: ${result.message}`);
      else if (result.result === 'FAIL') {
        const actions = [...new Set(result.statements.flatMap((s) => s.actions))];
        void vscode.window.showWarningMessage(`New access compared with HEAD: ${result.message}${actions.length ? ` Newly allowed: ${actions.slice(0, 10).join(', ')}${actions.length > 10 ? ', …' : ''}.` : ''}`);
      } else void vscode.window.showInformationMessage(result.message);
      return result;
    }),
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      onDidChangeCodeLenses: lensesChanged.event,
      async provideCodeLenses(document) {
        if (!vscode.workspace.isTrusted || !(await isPolicy(client, document))) return [];
        const headText = await committedText(document.uri.fsPath, folders());
        if (typeof headText !== 'string' || headText === document.getText()) return [];
        return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Compare access with HEAD', command: COMPARE_WITH_HEAD_COMMAND, arguments: [document.uri.toString()] })];
      },
    }),
  );
}

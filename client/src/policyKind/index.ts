// Editing help on the client side: the policy-kind status bar and picker, and the commands
// quick fixes run.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { chooseDocumentKind } from './chooseDocumentKind';
import { KindChoices } from './kindChoices';
import { CHOOSE_KIND_COMMAND, PolicyKindStatus } from './policyKindStatus';
import { clientCommands } from '../../../server/src/protocol';
import { addOwnAccount, selectRange } from './quickFixCommands';
import { showPolicyFindings } from '../embedded/showPolicyFindings';

export function registerPolicyEditing(context: vscode.ExtensionContext, client: LanguageClient): void {
  const choices = new KindChoices(context.workspaceState, client);
  const status = new PolicyKindStatus(client);
  const refresh = () => void status.refresh();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(CHOOSE_KIND_COMMAND, () => chooseDocumentKind(client, choices, refresh)),
    vscode.commands.registerCommand(clientCommands.selectRange, selectRange),
    vscode.commands.registerCommand(clientCommands.addOwnAccount, addOwnAccount),
    vscode.commands.registerCommand(clientCommands.showPolicyFindings, showPolicyFindings),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) refresh();
    }),
    // The server keeps choices in memory: send them again whenever it (re)starts.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void choices.sendAll().then(refresh);
    }),
  );
  if (client.state === State.Running) void choices.sendAll().then(refresh);
}

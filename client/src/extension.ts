// activate/deactivate only: wires the pieces together.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('IAM STS Studio');
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('iamSts.showServerStatus', () => {
      const state = client?.isRunning() ? 'running' : 'stopped';
      void vscode.window.showInformationMessage(`IAM STS Studio language server: ${state}.`);
      return state;
    }),
  );
  await client.start();
  output.appendLine('IAM STS Studio: language server started.');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

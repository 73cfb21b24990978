// activate/deactivate only: wires the pieces together.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerHeadComparison } from './accessChecks';
import { registerStsFeatures } from './commands/registerStsFeatures';
import { createLanguageClient } from './languageClient';
import { registerPolicyEditing } from './policyKind';
import { registerSimulation } from './simulation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('IAM STS Studio');
  context.subscriptions.push(output);
  registerStsFeatures(context, output);
  client = createLanguageClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('iamSts.showServerStatus', () => {
      const state = client?.isRunning() ? 'running' : 'stopped';
      void vscode.window.showInformationMessage(`IAM STS Studio language server: ${state}.`);
      return state;
    }),
  );
  registerPolicyEditing(context, client);
  registerSimulation(context, client);
  registerHeadComparison(context, client);
  await client.start();
  output.appendLine('IAM STS Studio: language server started.');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

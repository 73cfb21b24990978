// Simulation in the editor: the Test Explorer for scenario files, "Simulate Request…", and the
// command that reveals a statement from a link.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SimulationResultView } from './explanationView';
import { simulateRequest, SIMULATE_REQUEST_COMMAND } from './simulateRequestCommand';
import { REVEAL_COMMAND } from './simulationText';
import { SimulationTestExplorer } from './testExplorer';

export function registerSimulation(context: vscode.ExtensionContext, client: LanguageClient): void {
  const view = new SimulationResultView();
  context.subscriptions.push(
    new SimulationTestExplorer(client),
    view,
    vscode.commands.registerCommand(SIMULATE_REQUEST_COMMAND, () => simulateRequest(client, view)),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (target: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
      const uri = client.protocol2CodeConverter.asUri(target.uri);
      const range = client.protocol2CodeConverter.asRange(target.range);
      // Beside the webview would squeeze the policy into a third column: reuse the first.
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
      // The whole statement selected, the cursor at its start: reading goes down from there.
      editor.selection = new vscode.Selection(range.end, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}

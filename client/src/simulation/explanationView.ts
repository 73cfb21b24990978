// The "Simulate Request…" result in a webview beside the policy. One panel, reused; its links
// are command URIs (only the reveal command is enabled), so the page needs no script.
import * as vscode from 'vscode';
import type { SimulateRequestParams, SimulateRequestResult } from '../../../server/src/protocol';
import { decisionTitle, explanationHtml } from './explanationHtml';
import { REVEAL_COMMAND } from './simulationText';

export class SimulationResultView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(request: SimulateRequestParams, result: SimulateRequestResult, policyName: string): void {
    const title = `Simulation: ${decisionTitle(result)}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('iamSts.simulationResult', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [REVEAL_COMMAND],
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = title;
    this.panel.webview.html = explanationHtml(request, result, policyName);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

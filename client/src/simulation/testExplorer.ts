// Scenario files in VS Code's Test Explorer: one item per `*.iamsim.json`, one child per test.
// The server runs scenarios on save and pushes the results; the run profile asks it to run now.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runSimulationsRequest, simulationResultsNotification, type SimulationResults, type SimulationTestResult } from '../../../server/src/protocol';
import { testFailureMarkdown } from './simulationText';

export const CONTROLLER_ID = 'iamStsSimulations';
export const CONTROLLER_LABEL = 'IAM policy simulations';

export class SimulationTestExplorer implements vscode.Disposable {
  private readonly controller: vscode.TestController;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.controller = vscode.tests.createTestController(CONTROLLER_ID, CONTROLLER_LABEL);
    this.disposables.push(
      this.controller,
      this.controller.createRunProfile('Run simulations', vscode.TestRunProfileKind.Run, (request, token) => this.runRequested(request, token), true),
      client.onNotification(simulationResultsNotification, (results) => this.showRun(results)),
    );
    this.controller.refreshHandler = (token) => this.refresh(token);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** A run the server made on its own (a save, an edit, start-up): shown as a run of that file. */
  private showRun(results: SimulationResults): void {
    const file = this.upsert(results);
    if (!file) return;
    const run = this.controller.createTestRun(new vscode.TestRunRequest([file]), `Simulation of ${file.label}`, false);
    this.report(run, file, results, undefined);
    run.end();
  }

  private async refresh(token: vscode.CancellationToken): Promise<void> {
    const all = await this.client.sendRequest(runSimulationsRequest, {}, token);
    for (const results of all) this.upsert(results);
  }

  private async runRequested(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    try {
      const files = request.include ? [...new Set(request.include.map((item) => (item.parent ?? item).id))] : undefined;
      for (const item of request.include ?? this.allItems()) for (const t of item.children.size ? childrenOf(item) : [item]) run.enqueued(t);
      const all = await this.client.sendRequest(runSimulationsRequest, { uris: files }, token);
      for (const results of all) {
        const file = this.upsert(results);
        if (file) this.report(run, file, results, request);
      }
    } finally {
      run.end();
    }
  }

  private allItems(): vscode.TestItem[] {
    const items: vscode.TestItem[] = [];
    this.controller.items.forEach((item) => items.push(item));
    return items;
  }

  /** Creates or updates the file's item and its children; undefined when the file is gone. */
  private upsert(results: SimulationResults): vscode.TestItem | undefined {
    if (results.removed) {
      this.controller.items.delete(results.uri);
      return undefined;
    }
    const uri = this.client.protocol2CodeConverter.asUri(results.uri);
    let file = this.controller.items.get(results.uri);
    if (!file) {
      file = this.controller.createTestItem(results.uri, vscode.workspace.asRelativePath(uri), uri);
      this.controller.items.add(file);
    }
    const parent = file;
    parent.children.replace(
      results.tests.map((t) => {
        const id = `${results.uri}#${t.id}`;
        const child = parent.children.get(id) ?? this.controller.createTestItem(id, t.name, uri);
        child.range = this.client.protocol2CodeConverter.asRange(t.range);
        return child;
      }),
    );
    parent.error = results.errors.length ? new vscode.MarkdownString(results.errors.map((e) => `- line ${e.range.start.line + 1}: ${e.message}`).join('\n')) : undefined;
    return parent;
  }

  private report(run: vscode.TestRun, file: vscode.TestItem, results: SimulationResults, request: vscode.TestRunRequest | undefined): void {
    const included = (item: vscode.TestItem) =>
      (!request?.include || request.include.some((i) => i.id === item.id || i.id === file.id)) && !request?.exclude?.some((i) => i.id === item.id || i.id === file.id);
    for (const t of results.tests) {
      const item = file.children.get(`${results.uri}#${t.id}`);
      if (!item || !included(item)) continue;
      if (t.pass) run.passed(item);
      else if (t.errors.length > 0 || t.decision === undefined) run.errored(item, this.messages(t, item));
      else run.failed(item, this.messages(t, item));
    }
  }

  /** The failure at the test, then one message at each deciding statement, so both are a click away. */
  private messages(t: SimulationTestResult, item: vscode.TestItem): vscode.TestMessage[] {
    const p2c = this.client.protocol2CodeConverter;
    const main = new vscode.TestMessage(new vscode.MarkdownString(testFailureMarkdown(t)));
    if (item.uri && item.range) main.location = new vscode.Location(item.uri, item.range);
    const out = [main];
    const summary = t.explanation?.summary ?? '';
    for (const d of t.explanation?.decidedBy ?? []) {
      const m = new vscode.TestMessage(`${d.effect ?? ''} ${d.label} decided "${t.name}": expected ${t.expected}, got ${t.decision}. ${summary}`.trim());
      m.location = new vscode.Location(p2c.asUri(d.uri), p2c.asRange(d.range));
      out.push(m);
    }
    const missing = t.explanation?.missingAllow;
    if (missing) {
      const m = new vscode.TestMessage(`No statement of ${missing.label} allows "${t.name}". ${summary}`.trim());
      m.location = new vscode.Location(p2c.asUri(missing.uri), p2c.asRange(missing.range));
      out.push(m);
    }
    return out;
  }
}

function childrenOf(item: vscode.TestItem): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  item.children.forEach((c) => out.push(c));
  return out;
}

import * as vscode from 'vscode';
import { hintFor } from '../sessions/hints';
import type { StsSession } from '../sessions/sessionRecord';
import type { StsCallError, StsResult } from '../sessions/stsTypes';
import { redactSecrets } from '../sessions/redact';
import { showStsError } from './stsErrorPresenter';

/** How STS commands show a call in progress and a failed call (one place for both). */
export class StsUi {
  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly hintSettings: () => { region: string; regionHints: boolean } = () => ({ region: 'us-east-1', regionHints: false }),
  ) {}

  /** `session`: the session whose credentials made the call, for the hints that apply to it. */
  async showError(error: StsCallError, roleArn?: string, session?: StsSession): Promise<void> {
    const { region, regionHints } = this.hintSettings();
    const hint = hintFor(error, session, session?.region ?? region, regionHints);
    if (!hint || !session) return showStsError(error, this.output, roleArn);
    const message = redactSecrets(`IAM STS: ${error.code}: ${error.message} ${hint.message}`);
    this.output.appendLine(message);
    const action = hint.kind === 'refresh' ? 'Refresh Session' : 'Open Endpoint Setting';
    if ((await vscode.window.showErrorMessage(message, action)) !== action) return;
    if (hint.kind === 'refresh') await vscode.commands.executeCommand('iamSts.refreshSession', session.id);
    else await vscode.commands.executeCommand('workbench.action.openSettings', 'iamSts.stsEndpoint');
  }

  /** Runs an STS call with a progress notification. */
  withProgress<T>(title: string, task: () => Promise<StsResult<T>>): Promise<StsResult<T>> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }

  log(line: string): void {
    this.output.appendLine(line);
  }
}

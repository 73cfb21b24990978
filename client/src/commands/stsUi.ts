import * as vscode from 'vscode';
import type { StsCallError, StsResult } from '../sessions/stsTypes';
import { showStsError } from './stsErrorPresenter';

/** How STS commands show a call in progress and a failed call (one place for both). */
export class StsUi {
  constructor(private readonly output: vscode.OutputChannel) {}

  showError(error: StsCallError, roleArn?: string): Promise<void> {
    return showStsError(error, this.output, roleArn);
  }

  /** Runs an STS call with a progress notification. */
  withProgress<T>(title: string, task: () => Promise<StsResult<T>>): Promise<StsResult<T>> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }

  log(line: string): void {
    this.output.appendLine(line);
  }
}

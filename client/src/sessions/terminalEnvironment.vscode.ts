import * as vscode from 'vscode';
import { sessionEnvironment } from './exports';
import type { StsSession } from './sessionRecord';

/**
 * With `iamSts.terminal.applyActiveSession` on, every new terminal receives the session in use
 * through the extension's environment variable collection. The collection is not persistent:
 * VS Code would otherwise store the secret key and token on disk to restore terminals.
 */
export class TerminalSessionEnvironment {
  constructor(private readonly collection: vscode.GlobalEnvironmentVariableCollection) {
    collection.persistent = false;
    collection.clear();
  }

  apply(session: StsSession | undefined, enabled: boolean): void {
    this.collection.clear();
    if (!enabled || !session || session.credentials.expiration.getTime() <= Date.now()) {
      this.collection.description = undefined;
      return;
    }
    for (const [name, value] of Object.entries(sessionEnvironment(session))) {
      this.collection.replace(name, value);
    }
    this.collection.description = new vscode.MarkdownString(
      `AWS credentials of the IAM STS session **${session.label.replace(/[\\`*_[\]]/g, '')}** (until ${session.credentials.expiration.toISOString()}).`,
    );
  }
}

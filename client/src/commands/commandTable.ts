import * as vscode from 'vscode';
import { redactSecrets } from '../sessions/redact';

/** A command's handler; `argument` is the tree item's session id or whatever the caller passed. */
export type CommandHandler = (argument?: unknown) => Promise<void>;

/**
 * Registers `iamSts.*` commands so that nothing one of them throws takes the extension down or
 * loses a session: the failure is said, redacted, in the output channel and a message.
 */
export function registerCommandTable(context: vscode.ExtensionContext, output: vscode.OutputChannel, table: Record<string, CommandHandler>): void {
  for (const [id, run] of Object.entries(table)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (argument?: unknown) => {
        try {
          await run(argument);
        } catch (error) {
          const message = redactSecrets(`IAM STS: ${id.slice('iamSts.'.length)} failed unexpectedly: ${(error as Error).message}`);
          output.appendLine(message);
          void vscode.window.showErrorMessage(message);
        }
      }),
    );
  }
}

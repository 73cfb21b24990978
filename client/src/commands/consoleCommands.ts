import * as vscode from 'vscode';
import { consoleSignInUrl, whyNoConsole } from '../sessions/consoleSignIn';
import { sessionTitle } from '../views/sessionPresentation';
import { openExternalUrl } from './openExternal';
import type { SessionPicker } from './sessionPicker';
import type { StsUi } from './stsUi';

/** "Open in AWS Console": a federation sign-in URL for a session, opened in the browser or copied. */

export interface ConsoleCommandDeps {
  sessions: SessionPicker;
  ui: StsUi;
  federationEndpoint: () => string | undefined;
}

export async function openInConsoleCommand({ sessions, ui, federationEndpoint }: ConsoleCommandDeps, argument?: unknown): Promise<void> {
  const session = await sessions.resolve(argument, 'IAM STS: Open in AWS Console');
  if (!session) return;
  const refused = whyNoConsole(session);
  if (refused) {
    void vscode.window.showWarningMessage(`IAM STS: ${refused}`);
    return;
  }
  if (sessions.store.stateOf(session) === 'expired') {
    void vscode.window.showWarningMessage(`IAM STS: ${sessionTitle(session)} has expired; refresh it before you open the console.`);
    return;
  }
  const how = await vscode.window.showQuickPick(
    [
      { label: 'Open in the browser', description: 'the console home in the session\'s Region', copy: false },
      { label: 'Copy the sign-in URL', description: 'valid 15 minutes; it signs in whoever opens it', copy: true },
    ],
    { title: 'IAM STS: Open in AWS Console', ignoreFocusOut: true },
  );
  if (!how) return;
  // Console sessions of role credentials may last up to 12 hours; ask for what the credentials have left.
  const secondsLeft = Math.floor((session.credentials.expiration.getTime() - Date.now()) / 1000);
  const sessionDurationSeconds = session.api === 'GetFederationToken' ? undefined : Math.min(43_200, Math.max(900, secondsLeft));
  const result = await ui.withProgress('Getting a console sign-in token…', () =>
    consoleSignInUrl(session, { federationEndpoint: federationEndpoint(), sessionDurationSeconds, log: (line) => ui.log(line) }),
  );
  if (!result.ok) return ui.showError(result.error);
  if (how.copy) {
    await vscode.env.clipboard.writeText(result.value.url);
    void vscode.window.showInformationMessage(`IAM STS: the console sign-in URL for ${sessionTitle(session)} is on the clipboard (valid 15 minutes).`);
    return;
  }
  await openExternalUrl(result.value.url);
  ui.log(`IAM STS: opened the AWS Console for ${sessionTitle(session)} at ${result.value.destination}.`);
}

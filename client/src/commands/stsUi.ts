import * as vscode from 'vscode';
import { hintFor, version1TokenWarning, type Hint } from '../sessions/hints';
import type { StsSession } from '../sessions/sessionRecord';
import type { StsCallError, StsResult } from '../sessions/stsTypes';
import { redactSecrets } from '../sessions/redact';
import { showStsError } from './stsErrorPresenter';

/** Switches the STS endpoint setting to `endpoint` and issues the session again there. */
export type UseRegionalEndpoint = (session: StsSession, endpoint: string) => Promise<void>;

const refreshAction = 'Refresh Session';
const regionalAction = 'Use Regional Endpoint and Re-issue';

/** How STS commands show a call in progress and a failed call (one place for both). */
export class StsUi {
  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly hintSettings: () => { region: string; regionHints: boolean } = () => ({ region: 'us-east-1', regionHints: false }),
    private readonly useRegionalEndpoint: UseRegionalEndpoint = async () => {},
  ) {}

  /**
   * `session`: the session whose credentials made the call, for the hints that apply to it;
   * `callRegion`: the Region the call was signed for, when not the session's own.
   */
  async showError(error: StsCallError, roleArn?: string, session?: StsSession, callRegion?: string): Promise<void> {
    const { region, regionHints } = this.hintSettings();
    const hint = hintFor(error, session, callRegion ?? session?.region ?? region, regionHints);
    if (!hint || !session) return showStsError(error, this.output, roleArn);
    const message = redactSecrets(`IAM STS: ${error.code}: ${error.message} ${hint.message}`);
    this.output.appendLine(message);
    await this.offer(hint, session, (text, action) => vscode.window.showErrorMessage(text, action), message);
  }

  /** Warns, without stopping the command, when the session's credentials will be refused in its Region. */
  warnBeforeUse(session: StsSession): void {
    const hint = version1TokenWarning(session, this.hintSettings().regionHints);
    if (!hint) return;
    const message = `IAM STS: ${hint.message}`;
    this.output.appendLine(message);
    void this.offer(hint, session, (text, action) => vscode.window.showWarningMessage(text, action), message);
  }

  private async offer(hint: Hint, session: StsSession, show: (text: string, action: string) => Thenable<string | undefined>, message: string): Promise<void> {
    const action = hint.kind === 'refresh' ? refreshAction : regionalAction;
    if ((await show(message, action)) !== action) return;
    if (hint.kind === 'refresh') await vscode.commands.executeCommand('iamSts.refreshSession', session.id);
    else await this.useRegionalEndpoint(session, hint.endpoint);
  }

  /** Runs an STS call with a progress notification. */
  withProgress<T>(title: string, task: () => Promise<StsResult<T>>): Promise<StsResult<T>> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }

  log(line: string): void {
    this.output.appendLine(line);
  }
}

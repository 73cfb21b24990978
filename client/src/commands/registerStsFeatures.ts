import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import * as vscode from 'vscode';
import { systemClock } from '../sessions/clock';
import { formatTimeLeft } from '../sessions/countdown';
import { reissueSession } from '../sessions/profileSessions';
import { redactSecrets } from '../sessions/redact';
import { RefreshScheduler, defaultRefreshLeadTimeMs } from '../sessions/refreshScheduler';
import type { StsSession } from '../sessions/sessionRecord';
import { SessionPersistence } from '../sessions/sessionPersistence.vscode';
import { SessionStore } from '../sessions/sessionStore';
import { StsGateway } from '../sessions/stsGateway';
import { affectsStsSettings, readStsSettings } from '../sessions/stsSettings.vscode';
import type { IssuedSession, StsResult } from '../sessions/stsTypes';
import { TerminalSessionEnvironment } from '../sessions/terminalEnvironment.vscode';
import { SessionTerminals } from '../sessions/sessionTerminals.vscode';
import { ActiveSessionTracker } from '../views/activeSession';
import { CountdownTicker } from '../views/countdownTicker';
import { presentEndpoint, sessionTitle } from '../views/sessionPresentation';
import { SessionStatusBar } from '../views/sessionStatusBar';
import { SessionsTreeProvider } from '../views/sessionsTreeProvider';
import { assumeRoleCommand } from './assumeRoleCommand';
import { assumeRoleWithSamlCommand, assumeRoleWithWebIdentityCommand } from './identityProviderCommands';
import { decodeAuthorizationMessageCommand, generateRevokePolicyCommand, whoAmICommand } from './identityCommands';
import { askMfaCode } from './prompts';
import {
  copyExportsCommand,
  forgetSessionCommand,
  openTerminalCommand,
  refreshSessionCommand,
  selectActiveSessionCommand,
  writeSessionToProfileCommand,
} from './sessionCommands';
import { StsRuntime } from './stsRuntime';
import { getFederationTokenCommand, getSessionTokenCommand } from './tokenCommands';

/**
 * Wires the STS session features into VS Code: the store and its refresh scheduler, the Sessions
 * view, the status bar, terminals, persistence and every `iamSts.*` STS command.
 */

export const sessionsViewId = 'iamSts.sessions';

function isUnsigned(session: StsSession): boolean {
  return session.api === 'AssumeRoleWithWebIdentity' || session.api === 'AssumeRoleWithSAML';
}

export function registerStsFeatures(context: vscode.ExtensionContext, output: vscode.OutputChannel): void {
  const initial = readStsSettings();
  if (initial.endpointProblem) {
    output.appendLine(`IAM STS: ${initial.endpointProblem}`);
  }
  const store = new SessionStore({ expiringSoonMs: initial.expiringSoonMs });
  const active = new ActiveSessionTracker(store);
  let runtime: StsRuntime | undefined;

  const reissue = (session: StsSession, mfaCode: string | undefined): Promise<StsResult<IssuedSession>> => {
    // Refreshes go to the endpoint the user configures now, not one remembered with the session.
    const settings = readStsSettings();
    const options = { askMfaCode: (serial: string) => askMfaCode(serial), gateway: { region: session.region, endpoint: settings.endpoint, log: (line: string) => output.appendLine(line) } };
    if (!isUnsigned(session) && !session.profile && !session.sourceProfile) {
      const chain = fromNodeProviderChain();
      const gateway = new StsGateway({ ...options.gateway, credentials: () => chain(), credentialsSource: 'the default credential chain' });
      return gateway.issue(session.request, { mfaCode });
    }
    return reissueSession({ ...session, endpoint: settings.endpoint }, mfaCode, options);
  };

  const scheduler = new RefreshScheduler({
    store,
    clock: systemClock,
    reissue,
    askMfaCode: (session) => {
      const serial = 'mfaSerial' in session.request ? session.request.mfaSerial : undefined;
      return serial ? askMfaCode(serial, `IAM STS: refresh ${sessionTitle(session)}: MFA code`) : Promise.resolve(undefined);
    },
    shouldAutoRefresh: () => readStsSettings().autoRefresh,
    onRefreshed: (session) => output.appendLine(`IAM STS: refreshed ${sessionTitle(session)}.`),
    onRefreshFailed: (session, error) => {
      void runtime?.showError(
        { ...error, message: `Refreshing ${sessionTitle(session)} failed; its current credentials stay until they expire. ${error.message}` },
        session.roleArn,
      );
    },
  });
  const sessionTerminals = new SessionTerminals();
  runtime = new StsRuntime(context, output, store, scheduler, active, sessionTerminals);
  const sts = runtime;

  const tree = new SessionsTreeProvider(store, active);
  const treeView = vscode.window.createTreeView(sessionsViewId, { treeDataProvider: tree });
  const endpointInUse = () => {
    const settings = readStsSettings();
    return { region: settings.region, endpoint: settings.endpoint };
  };
  const statusBar = new SessionStatusBar(store, active, 'iamSts.selectActiveSession', endpointInUse);
  const terminals = new TerminalSessionEnvironment(context.environmentVariableCollection);
  // A custom endpoint receives the user's credentials: the view says which one is in use, in
  // its body (a one-view container hides the view's description). A message hides the welcome
  // content, so with the regional AWS endpoint and no session yet the welcome text (which
  // names iamSts.region) shows instead; with a custom endpoint the message always does.
  const describeEndpoint = () => {
    const inUse = endpointInUse();
    const look = presentEndpoint(inUse);
    const empty = store.list().length === 0;
    treeView.description = look.description;
    treeView.message = !empty ? look.message : inUse.endpoint ? `${look.message}. No session yet: Assume Role… (+ above).` : undefined;
  };
  describeEndpoint();
  const redraw = () => {
    tree.redraw();
    statusBar.redraw();
  };
  const ticker = new CountdownTicker(systemClock, () => store.list().map((session) => session.credentials.expiration.getTime()), redraw);
  const persistence = new SessionPersistence(context.secrets, store, () => readStsSettings().persist, (message) => output.appendLine(`IAM STS: ${message}`));

  const offerRefresh = async (session: StsSession) => {
    const settings = readStsSettings();
    const refreshesItself = settings.autoRefresh && !session.lastRefreshError && settings.expiringSoonMs <= defaultRefreshLeadTimeMs;
    if (refreshesItself) return;
    const refresh = 'Refresh';
    const choice = await vscode.window.showWarningMessage(
      `IAM STS: ${sessionTitle(session)} expires soon (${formatTimeLeft(session.credentials.expiration, Date.now())}).`,
      refresh,
    );
    if (choice === refresh) {
      await refreshSessionCommand(sts, session.id);
    }
  };

  context.subscriptions.push(
    store.onDidChange((change) => {
      if (change.kind === 'updated') void sessionTerminals.sessionUpdated(change.session);
      if (change.kind === 'removed') void sessionTerminals.sessionForgotten(change.session, readStsSettings().whenSessionForgotten);
      if (change.kind === 'state' && change.state === 'expiringSoon') {
        void offerRefresh(store.get(change.session.id) ?? change.session);
      }
      if (change.kind === 'state' && change.state === 'expired' && change.session.id === active.session?.id) {
        terminals.apply(undefined, false);
      }
      ticker.reschedule();
      describeEndpoint();
      redraw();
    }),
    active.onDidChange((session) => {
      terminals.apply(session, readStsSettings().applyActiveSessionToTerminals);
      redraw();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsStsSettings(event)) return;
      const settings = readStsSettings();
      if (settings.endpointProblem) output.appendLine(`IAM STS: ${settings.endpointProblem}`);
      store.expiringSoonMs = settings.expiringSoonMs;
      scheduler.rescheduleAll();
      persistence.save();
      describeEndpoint();
      terminals.apply(active.session, settings.applyActiveSessionToTerminals);
      redraw();
    }),
    sessionTerminals,
    tree,
    treeView,
    statusBar,
    ticker,
    persistence,
    scheduler,
    active,
  );

  const commands: Record<string, (argument?: unknown) => Promise<void>> = {
    'iamSts.assumeRole': () => assumeRoleCommand(sts),
    'iamSts.getSessionToken': () => getSessionTokenCommand(sts),
    'iamSts.assumeRoleWithWebIdentity': () => assumeRoleWithWebIdentityCommand(sts),
    'iamSts.assumeRoleWithSaml': () => assumeRoleWithSamlCommand(sts),
    'iamSts.getFederationToken': () => getFederationTokenCommand(sts),
    'iamSts.whoAmI': (argument) => whoAmICommand(sts, argument),
    'iamSts.decodeAuthorizationMessage': () => decodeAuthorizationMessageCommand(sts),
    'iamSts.generateRevokePolicy': (argument) => generateRevokePolicyCommand(sts, argument),
    'iamSts.refreshSession': (argument) => refreshSessionCommand(sts, argument),
    'iamSts.forgetSession': (argument) => forgetSessionCommand(sts, argument),
    'iamSts.copySessionExports': (argument) => copyExportsCommand(sts, argument),
    'iamSts.openSessionTerminal': (argument) => openTerminalCommand(sts, argument),
    'iamSts.writeSessionToProfile': (argument) => writeSessionToProfileCommand(sts, argument),
    'iamSts.selectActiveSession': (argument) => selectActiveSessionCommand(sts, argument),
  };
  for (const [id, run] of Object.entries(commands)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (argument?: unknown) => {
        try {
          await run(argument);
        } catch (error) {
          // Nothing a command does may take the extension down or lose a session.
          const message = redactSecrets(`IAM STS: ${id.slice('iamSts.'.length)} failed unexpectedly: ${(error as Error).message}`);
          output.appendLine(message);
          void vscode.window.showErrorMessage(message);
        }
      }),
    );
  }

  void persistence.restore().then((restored) => {
    if (restored > 0) output.appendLine(`IAM STS: restored ${restored} saved session${restored === 1 ? '' : 's'}.`);
    scheduler.start();
    ticker.reschedule();
    redraw();
  });
}

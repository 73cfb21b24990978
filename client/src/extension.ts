// activate/deactivate only: builds every piece once, in dependency order, and wires them.
// Read top to bottom: settings → gateways → store → scheduler → views → commands → language client.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { registerHeadComparison } from './accessChecks';
import { assumeRoleCommand } from './commands/assumeRoleCommand';
import { assumeRoleFromSessionCommand, writeEnvFileCommand } from './commands/chainAndFileCommands';
import { registerCommandTable } from './commands/commandTable';
import { openInConsoleCommand } from './commands/consoleCommands';
import { clearHistoryCommand, exportHistoryCommand } from './commands/historyCommands';
import { identityCenterRoleCommand, saveIdentityCenterProfileCommand, signInWithIdentityCenterCommand } from './commands/identityCenterCommands';
import { decodeAuthorizationMessageCommand, generateRevokePolicyCommand, whoAmICommand } from './commands/identityCommands';
import { assumeRoleWithSamlCommand, assumeRoleWithWebIdentityCommand } from './commands/identityProviderCommands';
import { askMfaCode } from './commands/prompts';
import { RecentRoles } from './commands/recentRolesStore';
import {
  copyExportsCommand,
  forgetSessionCommand,
  openTerminalCommand,
  refreshSessionCommand,
  selectActiveSessionCommand,
  writeSessionToProfileCommand,
} from './commands/sessionCommands';
import { useRegionalEndpointAndReissue } from './commands/regionalEndpoint';
import { SessionIntake } from './commands/sessionIntake';
import { SessionPicker } from './commands/sessionPicker';
import { SignerPicker } from './commands/signers';
import { StsUi } from './commands/stsUi';
import { getFederationTokenCommand, getSessionTokenCommand } from './commands/tokenCommands';
import { IdentityCenter } from './identityCenter/identityCenter';
import { createLanguageClient } from './languageClient';
import { knownRolesRequest } from '../../server/src/protocol';
import { registerPolicyEditing } from './policyKind';
import { systemClock } from './sessions/clock';
import { offerRefreshBeforeExpiry } from './sessions/expiryWarning.vscode';
import { RefreshScheduler } from './sessions/refreshScheduler';
import { SessionHistory, historyEntryOf } from './sessions/sessionHistory';
import { SessionPersistence } from './sessions/sessionPersistence.vscode';
import { SessionStore } from './sessions/sessionStore';
import { SessionTerminals } from './sessions/sessionTerminals.vscode';
import { StsGateways } from './sessions/stsGateways';
import { StsSettingsSource } from './sessions/stsSettingsSource.vscode';
import { TerminalSessionEnvironment } from './sessions/terminalEnvironment.vscode';
import { registerSimulation } from './simulation';
import { ActiveSessionTracker } from './views/activeSession';
import { CountdownTicker } from './views/countdownTicker';
import { HistoryTreeProvider } from './views/historyTreeProvider';
import { sessionTitle } from './views/sessionPresentation';
import { SessionsView } from './views/sessionsView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('IAM STS Studio');
  const log = (line: string) => output.appendLine(line);

  // Settings: read once, again only when they change.
  const settings = new StsSettingsSource();
  if (settings.current.endpointProblem) log(`IAM STS: ${settings.current.endpointProblem}`);

  // Gateways: every STS, IAM Identity Center and federation call goes to the endpoints of the
  // user's settings (never a workspace's) and logs redacted lines.
  const identityCenter = new IdentityCenter({ settings, log });
  const store = new SessionStore({ expiringSoonMs: settings.current.expiringSoonMs });
  const gateways = new StsGateways({
    settings,
    log,
    askMfaCode: (serial) => askMfaCode(serial),
    roleCredentials: (request) => identityCenter.roleCredentials(request),
    sessionById: (id) => store.get(id),
  });
  // A version-1 token hint's action: the regional endpoint in the settings, the session issued again there.
  const ui = new StsUi(output, () => settings.current, (session, endpoint) =>
    useRegionalEndpointAndReissue(
      { setStsEndpoint: (value) => settings.setStsEndpoint(value), refresh: async (id) => void (await vscode.commands.executeCommand('iamSts.refreshSession', id)), log },
      session,
      endpoint,
    ),
  );

  // Sessions: the store, the one in use, the history, and the scheduler that refreshes them.
  const history = new SessionHistory({
    read: async () => Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.globalStorageUri, 'session-history.json'))).toString('utf8'),
    write: async (text) => {
      await vscode.workspace.fs.createDirectory(context.globalStorageUri);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(context.globalStorageUri, 'session-history.json'), Buffer.from(text, 'utf8'));
    },
  });
  const active = new ActiveSessionTracker(store);
  const scheduler = new RefreshScheduler({
    store,
    clock: systemClock,
    reissue: (session, mfaCode) => gateways.reissue(session, mfaCode),
    askMfaCode: (session) => {
      const serial = 'mfaSerial' in session.request ? session.request.mfaSerial : undefined;
      return serial ? askMfaCode(serial, `IAM STS: refresh ${sessionTitle(session)}: MFA code`) : Promise.resolve(undefined);
    },
    shouldAutoRefresh: () => settings.current.autoRefresh,
    onRefreshed: (session, requestId) => {
      log(`IAM STS: refreshed ${sessionTitle(session)}.`);
      void history.record(historyEntryOf(session, 'refreshed', requestId));
    },
    onRefreshFailed: (session, error) =>
      void ui.showError({ ...error, message: `Refreshing ${sessionTitle(session)} failed; its current credentials stay until they expire. ${error.message}` }, session.roleArn),
  });
  const persistence = new SessionPersistence(context.secrets, store, () => settings.current.persist, (message) => log(`IAM STS: ${message}`));

  // Views: the Sessions view and status bar, their countdown, and terminals.
  const view = new SessionsView(store, active, settings, 'iamSts.selectActiveSession');
  const ticker = new CountdownTicker(systemClock, () => store.list().map((session) => session.credentials.expiration.getTime()), () => view.redraw());
  const historyView = vscode.window.createTreeView('iamSts.history', { treeDataProvider: new HistoryTreeProvider(history) });
  const sessionTerminals = new SessionTerminals();
  const terminalEnvironment = new TerminalSessionEnvironment(context.environmentVariableCollection);

  // Command helpers, each given only what it uses.
  const sessions = new SessionPicker(store, active);
  const signers = new SignerPicker(store, gateways, ui);
  const intake = new SessionIntake(store, (session, requestId) => void history.record(historyEntryOf(session, 'issued', requestId)));
  const recentRoles = new RecentRoles(context.globalState);
  const refresh = (argument?: unknown) => refreshSessionCommand({ sessions, ui }, scheduler, argument);

  context.subscriptions.push(
    output,
    settings,
    store.onDidChange((change) => {
      if (change.kind === 'updated') void sessionTerminals.sessionUpdated(change.session);
      if (change.kind === 'removed') void sessionTerminals.sessionForgotten(change.session, settings.current.whenSessionForgotten);
      if (change.kind === 'state' && change.state === 'expiringSoon') {
        void offerRefreshBeforeExpiry(store.get(change.session.id) ?? change.session, settings.current, refresh);
      }
      if (change.kind === 'state' && change.state === 'expired' && change.session.id === active.session?.id) {
        terminalEnvironment.apply(undefined, false);
      }
      ticker.reschedule();
      view.update();
    }),
    active.onDidChange((session) => {
      terminalEnvironment.apply(session, settings.current.applyActiveSessionToTerminals);
      view.update();
    }),
    settings.onDidChange((current) => {
      if (current.endpointProblem) log(`IAM STS: ${current.endpointProblem}`);
      store.expiringSoonMs = current.expiringSoonMs;
      scheduler.rescheduleAll();
      persistence.save();
      terminalEnvironment.apply(active.session, current.applyActiveSessionToTerminals);
      view.update();
    }),
    sessionTerminals,
    view,
    historyView,
    ticker,
    persistence,
    scheduler,
    active,
  );

  // Commands.
  const identityDeps = { signers, gateways, ui, sessions };
  const knownRoles = async (roleArn: string) => (client?.isRunning() ? client.sendRequest(knownRolesRequest, { roleArn }) : []);
  const assumeDeps = { signers, gateways, ui, intake, recentRoles, knownRoles };
  const identityCenterDeps = { identityCenter, gateways, signers, ui, intake, sessions, defaultRegion: () => settings.current.region };
  registerCommandTable(context, output, {
    'iamSts.assumeRole': () => assumeRoleCommand(assumeDeps),
    'iamSts.assumeRoleFromSession': (argument) => assumeRoleFromSessionCommand({ ...assumeDeps, sessions }, argument),
    'iamSts.signInWithIdentityCenter': () => signInWithIdentityCenterCommand(identityCenterDeps),
    'iamSts.identityCenterRoleCredentials': () => identityCenterRoleCommand(identityCenterDeps),
    'iamSts.saveIdentityCenterProfile': (argument) => saveIdentityCenterProfileCommand(identityCenterDeps, argument),
    'iamSts.openInConsole': (argument) => openInConsoleCommand({ sessions, ui, federationEndpoint: () => settings.current.federationEndpoint }, argument),
    'iamSts.writeSessionEnvFile': (argument) => writeEnvFileCommand({ sessions, ui }, argument),
    'iamSts.exportSessionHistory': () => exportHistoryCommand(history),
    'iamSts.clearSessionHistory': () => clearHistoryCommand(history),
    'iamSts.getSessionToken': () => getSessionTokenCommand({ signers, gateways, ui, intake }),
    'iamSts.getFederationToken': () => getFederationTokenCommand({ signers, gateways, ui, intake }),
    'iamSts.assumeRoleWithWebIdentity': () => assumeRoleWithWebIdentityCommand({ gateways, ui, intake, recentRoles }),
    'iamSts.assumeRoleWithSaml': () => assumeRoleWithSamlCommand({ gateways, ui, intake, recentRoles }),
    'iamSts.whoAmI': (argument) => whoAmICommand(identityDeps, argument),
    'iamSts.decodeAuthorizationMessage': () => decodeAuthorizationMessageCommand(identityDeps),
    'iamSts.generateRevokePolicy': (argument) => generateRevokePolicyCommand(sessions, argument),
    'iamSts.refreshSession': refresh,
    'iamSts.forgetSession': (argument) => forgetSessionCommand({ sessions, ui }, argument),
    'iamSts.copySessionExports': (argument) => copyExportsCommand({ sessions, ui }, argument),
    'iamSts.openSessionTerminal': (argument) => openTerminalCommand({ sessions, ui }, sessionTerminals, argument),
    'iamSts.writeSessionToProfile': (argument) => writeSessionToProfileCommand({ sessions, ui }, argument),
    'iamSts.selectActiveSession': (argument) => selectActiveSessionCommand({ sessions, ui }, active, argument),
  });

  // Saved sessions come back before the scheduler and the countdown start.
  void history.load();
  void persistence.restore().then((restored) => {
    if (restored > 0) log(`IAM STS: restored ${restored} saved session${restored === 1 ? '' : 's'}.`);
    scheduler.start();
    ticker.reschedule();
    view.update();
  });

  // The language server: policy validation, hovers, document kinds and simulation.
  client = createLanguageClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('iamSts.showServerStatus', () => {
      const state = client?.isRunning() ? 'running' : client?.state === State.Starting ? 'starting' : 'stopped';
      void vscode.window.showInformationMessage(`IAM STS Studio language server: ${state}.`);
      return state;
    }),
  );
  registerPolicyEditing(context, client);
  registerSimulation(context, client);
  registerHeadComparison(context, client);
  // Activation ends once the server has started, so that what it registers (code lenses, pull
  // diagnostics) is in place for the documents already open. VS Code's activation figure counts
  // only this function's synchronous part; the server's start is measured by bench:footprint.
  const starting = performance.now();
  await client.start();
  log(`IAM STS Studio: language server started (${Math.round(performance.now() - starting)} ms).`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

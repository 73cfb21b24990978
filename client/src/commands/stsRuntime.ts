import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import * as vscode from 'vscode';
import { credentialsForProfile, type ProfileSessionOptions } from '../sessions/profileSessions';
import { listProfiles, type ProfileSummary } from '../sessions/profiles';
import { sessionFromIssued, type NewSessionInput, type StsSession } from '../sessions/sessionRecord';
import type { SessionStore } from '../sessions/sessionStore';
import type { RefreshScheduler } from '../sessions/refreshScheduler';
import { readStsSettings, type StsSettings } from '../sessions/stsSettings.vscode';
import type { CredentialsProvider, StsGatewayOptions } from '../sessions/stsGateway';
import type { StsCallError, StsResult } from '../sessions/stsTypes';
import type { ActiveSessionTracker } from '../views/activeSession';
import type { SessionTerminals } from '../sessions/sessionTerminals.vscode';
import { describeSourceChoice, sourceChoices, type SourceChoice } from './assumeRolePlan';
import { askMfaCode } from './prompts';
import { rememberRecentRoleArn, recentRoleArns, type RoleApi } from './recentRoles';
import { showStsError } from './stsErrorPresenter';
import { issuedWords, sessionTitle } from '../views/sessionPresentation';
import { formatTimeLeft } from '../sessions/countdown';

/**
 * What every STS command needs: the session store, the refresh scheduler, the session in use,
 * the settings, the output channel, and the ways to get credentials (a profile, the default
 * chain, or an existing session). One object so each command file stays about its command.
 */

/** Credentials picked to sign a call, and how to name them in messages and on the session. */
export interface SigningCredentials {
  provider: CredentialsProvider;
  /** `profile "dev"`, `the default credential chain`, `session Dev (alice)`. */
  source: string;
  /** The profile, stored on the session so a refresh resolves its credentials again. */
  profile?: string;
  isRoleSession: boolean;
}

interface SourceItem extends vscode.QuickPickItem {
  choice?: SourceChoice;
  session?: StsSession;
}

export class StsRuntime {
  constructor(
    readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
    readonly store: SessionStore,
    readonly scheduler: RefreshScheduler,
    readonly active: ActiveSessionTracker,
    readonly terminals: SessionTerminals,
  ) {}

  settings(): StsSettings {
    return readStsSettings();
  }

  /** Region, endpoint and the redacted call log for a gateway; `region` overrides the setting. */
  gatewayOptions(region?: string): Omit<StsGatewayOptions, 'credentials' | 'credentialsSource'> & { region: string } {
    const settings = this.settings();
    return {
      region: region ?? settings.region,
      endpoint: settings.endpoint,
      log: (line) => this.output.appendLine(line),
    };
  }

  profileSessionOptions(region?: string): ProfileSessionOptions {
    return { askMfaCode: (serial) => askMfaCode(serial), gateway: this.gatewayOptions(region) };
  }

  /** Roles recently assumed with this API, newest first. */
  recentRoleArns(api: RoleApi): string[] {
    return recentRoleArns(this.context.globalState, api);
  }

  rememberRoleArn(api: RoleApi, roleArn: string): void {
    void rememberRecentRoleArn(this.context.globalState, api, roleArn);
  }

  /** Adds a newly issued session (it becomes the one in use) and says so. */
  addSession(input: Omit<NewSessionInput, 'now'>): StsSession {
    const session = this.store.add(sessionFromIssued({ ...input, now: new Date() }));
    const left = formatTimeLeft(session.credentials.expiration, Date.now());
    void vscode.window.showInformationMessage(`IAM STS: ${sessionTitle(session)} is ready (${left}) and in use.`);
    return session;
  }

  showError(error: StsCallError, roleArn?: string): Promise<void> {
    return showStsError(error, this.output, roleArn);
  }

  /** Runs an STS call with a progress notification. */
  withProgress<T>(title: string, task: () => Promise<StsResult<T>>): Promise<StsResult<T>> {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }

  async profiles(): Promise<ProfileSummary[]> {
    try {
      return await listProfiles();
    } catch (error) {
      this.output.appendLine(`IAM STS: could not read the shared config files: ${(error as Error).message}`);
      return [];
    }
  }

  /**
   * Picks what signs a call: a profile, the default credential chain, or (with `includeSessions`)
   * an unexpired session. `includeRoleProfiles` decides whether role profiles are offered.
   */
  async pickSigner(title: string, options: { includeSessions?: boolean; includeRoleProfiles?: boolean } = {}): Promise<SigningCredentials | undefined> {
    const items: SourceItem[] = [];
    if (options.includeSessions) {
      const live = this.store.list().filter((session) => this.store.stateOf(session) !== 'expired');
      if (live.length > 0) {
        items.push({ label: 'Sessions', kind: vscode.QuickPickItemKind.Separator });
        for (const session of live) {
          items.push({ label: sessionTitle(session), description: `${session.api} · ${issuedWords(session)} · ${formatTimeLeft(session.credentials.expiration, Date.now())}`, session });
        }
        items.push({ label: 'Profiles', kind: vscode.QuickPickItemKind.Separator });
      }
    }
    for (const choice of sourceChoices(await this.profiles())) {
      if (choice.kind === 'roleProfile' && options.includeRoleProfiles === false) {
        continue;
      }
      items.push({ ...describeSourceChoice(choice), choice });
    }
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Credentials that sign the call', ignoreFocusOut: true });
    if (!picked) {
      return undefined;
    }
    if (picked.session) {
      return this.sessionCredentials(picked.session);
    }
    return picked.choice ? this.credentialsFor(picked.choice) : undefined;
  }

  sessionCredentials(session: StsSession): SigningCredentials {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = session.credentials;
    return {
      provider: async () => ({ accessKeyId, secretAccessKey, sessionToken, expiration }),
      source: `session ${sessionTitle(session)}`,
      isRoleSession: session.api !== 'GetSessionToken' && session.api !== 'GetFederationToken',
    };
  }

  /** Credentials of a source choice; undefined (after showing why) when they cannot be had. */
  async credentialsFor(choice: SourceChoice): Promise<SigningCredentials | undefined> {
    if (choice.kind === 'defaultChain') {
      const chain = fromNodeProviderChain({ mfaCodeProvider: async (serial) => (await askMfaCode(serial)) ?? '' });
      return { provider: () => chain(), source: 'the default credential chain', isRoleSession: false };
    }
    const profile = choice.profile;
    const result = await credentialsForProfile(profile.name, this.profileSessionOptions(profile.region));
    if (!result.ok) {
      await this.showError(result.error, profile.roleArn);
      return undefined;
    }
    return { provider: result.value.provider, source: `profile "${profile.name}"`, profile: profile.name, isRoleSession: result.value.isRoleSession };
  }

  /** The session a command acts on: the tree item it was run from, else one the user picks. */
  async resolveSession(argument: unknown, title: string): Promise<StsSession | undefined> {
    const id = typeof argument === 'string' ? argument : (argument as { sessionId?: unknown } | undefined)?.sessionId;
    if (typeof id === 'string') {
      const session = this.store.get(id);
      if (session) {
        return session;
      }
    }
    const sessions = this.store.list();
    if (sessions.length === 0) {
      void vscode.window.showInformationMessage('IAM STS: there is no session yet. Run "IAM STS: Assume Role…" first.');
      return undefined;
    }
    if (sessions.length === 1) {
      return sessions[0];
    }
    const activeId = this.active.session?.id;
    const ordered = [...sessions].sort((a, b) => (a.id === activeId ? -1 : b.id === activeId ? 1 : 0));
    const picked = await vscode.window.showQuickPick(
      ordered.map((session) => ({
        label: sessionTitle(session),
        description: `${session.id === activeId ? 'in use · ' : ''}${session.api} · ${issuedWords(session)} · ${formatTimeLeft(session.credentials.expiration, Date.now())}`,
        session,
      })),
      { title, placeHolder: 'Pick a session' },
    );
    return picked?.session;
  }
}

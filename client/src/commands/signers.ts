import * as vscode from 'vscode';
import { formatTimeLeft } from '../sessions/countdown';
import { credentialsForProfile } from '../sessions/profileSessions';
import { listProfiles, type ProfileSummary } from '../sessions/profiles';
import type { StsSession } from '../sessions/sessionRecord';
import type { SessionStore } from '../sessions/sessionStore';
import type { Signer, StsGateways } from '../sessions/stsGateways';
import { issuedWords, sessionTitle } from '../views/sessionPresentation';
import { describeSourceChoice, sourceChoices, type SourceChoice } from './assumeRolePlan';
import type { StsUi } from './stsUi';

/** Credentials picked to sign a call, and how to name them in messages and on the session. */
export interface SigningCredentials extends Signer {
  /** The profile, stored on the session so a refresh resolves its credentials again. */
  profile?: string;
  isRoleSession: boolean;
  /** The session whose credentials sign (a role chain starts from it). */
  session?: StsSession;
}

interface SourceItem extends vscode.QuickPickItem {
  choice?: SourceChoice;
  session?: StsSession;
}

/** Picks what signs a call: a profile, the default credential chain, or a live session. */
export class SignerPicker {
  constructor(
    private readonly store: SessionStore,
    private readonly gateways: StsGateways,
    private readonly ui: StsUi,
  ) {}

  async profiles(): Promise<ProfileSummary[]> {
    try {
      return await listProfiles();
    } catch (error) {
      this.ui.log(`IAM STS: could not read the shared config files: ${(error as Error).message}`);
      return [];
    }
  }

  /** `includeRoleProfiles` decides whether role profiles are offered. */
  async pick(title: string, options: { includeSessions?: boolean; includeRoleProfiles?: boolean } = {}): Promise<SigningCredentials | undefined> {
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
      return this.ofSession(picked.session);
    }
    return picked.choice ? this.ofChoice(picked.choice) : undefined;
  }

  ofSession(session: StsSession): SigningCredentials {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = session.credentials;
    return {
      provider: async () => ({ accessKeyId, secretAccessKey, sessionToken, expiration }),
      source: `session ${sessionTitle(session)}`,
      isRoleSession: session.api !== 'GetSessionToken' && session.api !== 'GetFederationToken',
      session,
    };
  }

  /** Credentials of a source choice; undefined (after showing why) when they cannot be had. */
  async ofChoice(choice: SourceChoice): Promise<SigningCredentials | undefined> {
    if (choice.kind === 'defaultChain') {
      return { ...this.gateways.defaultChain(), isRoleSession: false };
    }
    const profile = choice.profile;
    const result = await credentialsForProfile(profile.name, this.gateways.profileOptions(profile.region));
    if (!result.ok) {
      await this.ui.showError(result.error, profile.roleArn);
      return undefined;
    }
    return { provider: result.value.provider, source: `profile "${profile.name}"`, profile: profile.name, isRoleSession: result.value.isRoleSession };
  }
}

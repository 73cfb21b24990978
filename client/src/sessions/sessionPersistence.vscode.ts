import type * as vscode from 'vscode';
import type { Disposable, SessionStore } from './sessionStore';

/**
 * Keeps the sessions across a reload when `iamSts.sessions.persist` is on, in SecretStorage
 * (the OS keychain) only. When the setting is off the stored copy is deleted, so turning it off
 * really removes the credentials from the machine.
 */

const secretKey = 'iamSts.sessions';

export class SessionPersistence implements Disposable {
  private readonly subscription: Disposable;
  /** Writes run one after another so an older snapshot never lands after a newer one. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly store: SessionStore,
    private readonly enabled: () => boolean,
    private readonly onError: (message: string) => void,
  ) {
    this.subscription = store.onDidChange((change) => {
      if (change.kind !== 'state') {
        this.save();
      }
    });
  }

  /** Restores saved sessions (when enabled); returns how many. */
  async restore(): Promise<number> {
    if (!this.enabled()) {
      await this.secrets.delete(secretKey).then(undefined, () => undefined);
      return 0;
    }
    try {
      return this.store.restoreFromSecret(await this.secrets.get(secretKey));
    } catch (error) {
      this.onError(`Could not restore saved STS sessions: ${(error as Error).message}`);
      return 0;
    }
  }

  /** Saves the current sessions, or deletes the saved copy when persistence is off. */
  save(): void {
    const enabled = this.enabled();
    const snapshot = enabled ? this.store.toSecret() : undefined;
    this.writes = this.writes
      .then(() => (snapshot !== undefined ? this.secrets.store(secretKey, snapshot) : this.secrets.delete(secretKey)))
      .then(undefined, (error: unknown) => this.onError(`Could not update saved STS sessions: ${(error as Error).message}`));
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

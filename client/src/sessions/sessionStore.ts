import type { Clock } from './clock';
import { Emitter, type Disposable } from './emitter';
import { systemClock } from './clock';
import { mfaTimeAfterRefresh, sessionBaseTitle, withRefreshedCredentials, type StsSession } from './sessionRecord';
import { sessionsFromSecret, sessionsToSecret } from './sessionSecret';
import type { IssuedSession } from './stsTypes';

/**
 * The sessions of this VS Code window, in memory. States are computed from the clock, so the
 * store never has to be told that time passed; `checkStates` reports the transitions since it
 * last looked (the refresh scheduler calls it on its timers). Expired sessions stay until the
 * user forgets them.
 */

export type SessionState = 'active' | 'expiringSoon' | 'expired';

export type SessionChange =
  | { kind: 'added' | 'updated' | 'removed'; session: StsSession }
  | { kind: 'state'; session: StsSession; state: SessionState; previous: SessionState };

export type SessionChangeListener = (change: SessionChange) => void;

export type { Disposable } from './emitter';

export interface SessionStoreOptions {
  clock?: Pick<Clock, 'now'>;
  /** A session is "expiring soon" when at most this much time is left (default 5 minutes). */
  expiringSoonMs?: number;
}

export const defaultExpiringSoonMs = 5 * 60_000;

export class SessionStore {
  private readonly sessions = new Map<string, StsSession>();
  private readonly lastStates = new Map<string, SessionState>();
  private readonly changes = new Emitter<SessionChange>();
  private readonly clock: Pick<Clock, 'now'>;
  private threshold: number;

  constructor(options: SessionStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.threshold = options.expiringSoonMs ?? defaultExpiringSoonMs;
  }

  get expiringSoonMs(): number {
    return this.threshold;
  }

  set expiringSoonMs(value: number) {
    this.threshold = Math.max(0, value);
    this.checkStates();
  }

  onDidChange(listener: SessionChangeListener): Disposable {
    return this.changes.on(listener);
  }

  add(session: StsSession): StsSession {
    const existed = this.sessions.has(session.id);
    if (!existed && session.ordinal === undefined) session = { ...session, ordinal: this.freeOrdinal(session) };
    this.sessions.set(session.id, session);
    this.lastStates.set(session.id, this.stateOf(session));
    this.emit({ kind: existed ? 'updated' : 'added', session });
    return session;
  }

  /** The smallest ordinal no other session of the same title holds: 1 when it is the only one. */
  private freeOrdinal(session: StsSession): number {
    const title = sessionBaseTitle(session);
    const taken = new Set([...this.sessions.values()].filter((s) => sessionBaseTitle(s) === title).map((s) => s.ordinal ?? 1));
    let ordinal = 1;
    while (taken.has(ordinal)) ordinal++;
    return ordinal;
  }

  get(id: string): StsSession | undefined {
    return this.sessions.get(id);
  }

  /** Sessions in the order they were added. */
  list(): StsSession[] {
    return [...this.sessions.values()];
  }

  forget(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) {
      return false;
    }
    this.sessions.delete(id);
    this.lastStates.delete(id);
    this.emit({ kind: 'removed', session });
    return true;
  }

  /** Swaps in new credentials after a refresh; the session keeps its id, label and request. */
  /** `mfaCodeEntered`: the refresh sent a new MFA code, so MFA was used now. */
  replaceCredentials(id: string, issued: IssuedSession, refresh: { mfaCodeEntered: boolean } = { mfaCodeEntered: false }): StsSession | undefined {
    const session = this.sessions.get(id);
    if (!session) {
      return undefined;
    }
    const now = new Date(this.clock.now());
    const source = session.chainedFrom ? this.sessions.get(session.chainedFrom.sessionId) : undefined;
    const mfaAt = mfaTimeAfterRefresh(session, { mfaCodeEntered: refresh.mfaCodeEntered, now, source });
    return this.add(withRefreshedCredentials(session, issued, now, mfaAt));
  }

  /** Keeps the old credentials (still valid until they expire) and remembers why refresh failed. */
  recordRefreshFailure(id: string, reason: string): StsSession | undefined {
    const session = this.sessions.get(id);
    return session ? this.add({ ...session, lastRefreshError: reason }) : undefined;
  }

  timeLeftMs(session: StsSession): number {
    return session.credentials.expiration.getTime() - this.clock.now();
  }

  stateOf(sessionOrId: StsSession | string): SessionState {
    const session = typeof sessionOrId === 'string' ? this.sessions.get(sessionOrId) : sessionOrId;
    if (!session) {
      return 'expired';
    }
    const left = this.timeLeftMs(session);
    if (left <= 0) {
      return 'expired';
    }
    return left <= this.threshold ? 'expiringSoon' : 'active';
  }

  /** Emits a `state` change for every session whose state differs from the last one seen. */
  checkStates(): SessionChange[] {
    const changes: SessionChange[] = [];
    for (const session of this.sessions.values()) {
      const state = this.stateOf(session);
      const previous = this.lastStates.get(session.id) ?? state;
      if (state !== previous) {
        this.lastStates.set(session.id, state);
        changes.push({ kind: 'state', session, state, previous });
      }
    }
    for (const change of changes) {
      this.emit(change);
    }
    return changes;
  }

  /** All sessions as one string for SecretStorage. */
  toSecret(): string {
    return sessionsToSecret(this.list());
  }

  /** A store holding the sessions saved by `toSecret`. */
  static fromSecret(text: string | undefined, options: SessionStoreOptions = {}): SessionStore {
    const store = new SessionStore(options);
    store.restoreFromSecret(text);
    return store;
  }

  /** Restores sessions saved by `toSecret` (expired ones included); returns how many. */
  restoreFromSecret(text: string | undefined): number {
    const sessions = sessionsFromSecret(text);
    for (const session of sessions) {
      this.add(session);
    }
    return sessions.length;
  }

  private emit(change: SessionChange): void {
    this.changes.fire(change);
  }
}

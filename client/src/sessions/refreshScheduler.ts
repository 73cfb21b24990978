import { systemClock, type Clock, type TimerHandle } from './clock';
import type { StsSession } from './sessionRecord';
import type { Disposable, SessionStore } from './sessionStore';
import type { IssuedSession, StsCallError, StsResult } from './stsTypes';

/**
 * Keeps sessions fresh: re-issues a session's request `leadTimeMs` before it expires, and marks
 * sessions expiring soon / expired on time. A session whose request names an MFA device asks for
 * one new code per refresh. A failed refresh keeps the old credentials (valid until they expire),
 * records and reports the error, and is not retried automatically, so a wrong code or a denied
 * role never turns into a loop of prompts or calls; the user can still refresh by hand.
 */

export type RefreshOutcome = 'refreshed' | 'failed' | 'skipped';

export interface RefreshSchedulerOptions {
  store: SessionStore;
  clock?: Clock;
  /** How long before expiry to refresh (default 5 minutes). */
  leadTimeMs?: number;
  /** Issues the session's request again (see `reissueSession` in profileSessions). */
  reissue: (session: StsSession, mfaCode: string | undefined) => Promise<StsResult<IssuedSession>>;
  /** Asks for a fresh MFA code; undefined when the user cancels. */
  askMfaCode: (session: StsSession) => Promise<string | undefined>;
  /** Whether a session refreshes on its own (default: all). */
  shouldAutoRefresh?: (session: StsSession) => boolean;
  /** `requestId`: the request that issued the new credentials, for the history. */
  onRefreshed?: (session: StsSession, requestId: string | undefined) => void;
  onRefreshFailed?: (session: StsSession, error: StsCallError) => void;
}

export const defaultRefreshLeadTimeMs = 5 * 60_000;

export function sessionNeedsMfaCode(session: StsSession): boolean {
  const request = session.request;
  return (request.api === 'AssumeRole' || request.api === 'GetSessionToken') && request.mfaSerial !== undefined;
}

export class RefreshScheduler implements Disposable {
  private readonly clock: Clock;
  private readonly leadTimeMs: number;
  private readonly timers = new Map<string, TimerHandle[]>();
  private readonly inFlight = new Map<string, Promise<RefreshOutcome>>();
  /** Expiration (ms) of the credentials whose refresh failed: no automatic retry for those. */
  private readonly failedFor = new Map<string, number>();
  private subscription: Disposable | undefined;

  constructor(private readonly options: RefreshSchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.leadTimeMs = options.leadTimeMs ?? defaultRefreshLeadTimeMs;
  }

  /** Schedules every session in the store and follows the store's changes. */
  start(): void {
    if (this.subscription) {
      return;
    }
    this.subscription = this.options.store.onDidChange((change) => {
      if (change.kind === 'added' || change.kind === 'updated') {
        this.schedule(change.session);
      } else if (change.kind === 'removed') {
        this.clearTimers(change.session.id);
        this.failedFor.delete(change.session.id);
      }
    });
    this.rescheduleAll();
  }

  /** Re-plans every timer, e.g. after the "expiring soon" threshold setting changed. */
  rescheduleAll(): void {
    for (const session of this.options.store.list()) {
      this.schedule(session);
    }
  }

  /** Refreshes one session now (the "Refresh" command); concurrent calls share one refresh. */
  refreshNow(id: string): Promise<RefreshOutcome> {
    const running = this.inFlight.get(id);
    if (running) {
      return running;
    }
    const refresh = this.refresh(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, refresh);
    return refresh;
  }

  /** Resolves when no refresh is running. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  dispose(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    for (const id of [...this.timers.keys()]) {
      this.clearTimers(id);
    }
  }

  private schedule(session: StsSession): void {
    this.clearTimers(session.id);
    const now = this.clock.now();
    const expiresAt = session.credentials.expiration.getTime();
    const handles: TimerHandle[] = [];
    const checkStates = () => this.options.store.checkStates();
    const soonAt = expiresAt - this.options.store.expiringSoonMs;
    if (soonAt > now) {
      handles.push(this.clock.setTimer(checkStates, soonAt - now));
    }
    if (expiresAt > now) {
      handles.push(this.clock.setTimer(checkStates, expiresAt - now));
      const auto = this.options.shouldAutoRefresh?.(session) ?? true;
      if (auto && this.failedFor.get(session.id) !== expiresAt) {
        const refreshAt = expiresAt - this.leadTimeMs;
        handles.push(this.clock.setTimer(() => void this.refreshNow(session.id), Math.max(0, refreshAt - now)));
      }
    }
    this.timers.set(session.id, handles);
  }

  private clearTimers(id: string): void {
    for (const handle of this.timers.get(id) ?? []) {
      this.clock.clearTimer(handle);
    }
    this.timers.delete(id);
  }

  private async refresh(id: string): Promise<RefreshOutcome> {
    const session = this.options.store.get(id);
    if (!session) {
      return 'skipped';
    }
    let mfaCode: string | undefined;
    if (sessionNeedsMfaCode(session)) {
      mfaCode = await this.options.askMfaCode(session);
      if (mfaCode === undefined) {
        return this.fail(session, {
          code: 'MfaCodeRequired',
          cause: 'invalid-input',
          operation: session.api,
          message: `Refreshing ${session.label} needs a new MFA code and none was entered; the current credentials stay valid until they expire.`,
        });
      }
    }
    let result: StsResult<IssuedSession>;
    try {
      result = await this.options.reissue(session, mfaCode);
    } catch (error) {
      result = {
        ok: false,
        error: { code: 'RefreshFailed', cause: 'network', operation: session.api, message: `Refreshing ${session.label} failed: ${(error as Error).message}` },
      };
    }
    if (!this.options.store.get(id)) {
      // Forgotten while the call was running: do not bring it back.
      return 'skipped';
    }
    if (!result.ok) {
      return this.fail(session, result.error);
    }
    this.failedFor.delete(id);
    const refreshed = this.options.store.replaceCredentials(id, result.value, { mfaCodeEntered: mfaCode !== undefined });
    if (refreshed) {
      this.options.onRefreshed?.(refreshed, result.value.requestId);
    }
    return 'refreshed';
  }

  private fail(session: StsSession, error: StsCallError): RefreshOutcome {
    this.failedFor.set(session.id, session.credentials.expiration.getTime());
    const updated = this.options.store.recordRefreshFailure(session.id, error.message) ?? session;
    this.options.onRefreshFailed?.(updated, error);
    return 'failed';
  }
}

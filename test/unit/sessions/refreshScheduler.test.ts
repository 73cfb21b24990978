import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RefreshScheduler, type RefreshSchedulerOptions } from '../../../client/src/sessions/refreshScheduler';
import type { StsSession } from '../../../client/src/sessions/sessionRecord';
import { SessionStore } from '../../../client/src/sessions/sessionStore';
import type { IssuedSession, StsCallError, StsResult } from '../../../client/src/sessions/stsTypes';
import { FakeClock } from './fakeClock';
import { issuedCredentials, makeSession } from './sessionFactory';

const start = Date.parse('2026-03-01T12:00:00Z');
const minute = 60_000;
const hour = 60 * minute;

interface Harness {
  clock: FakeClock;
  store: SessionStore;
  scheduler: RefreshScheduler;
  reissueCalls: Array<{ session: StsSession; mfaCode: string | undefined }>;
  mfaPrompts: StsSession[];
  failures: StsCallError[];
}

function harness(options: {
  reissue?: (session: StsSession, mfaCode: string | undefined) => Promise<StsResult<IssuedSession>>;
  askMfaCode?: (session: StsSession) => Promise<string | undefined>;
  leadTimeMs?: number;
  shouldAutoRefresh?: RefreshSchedulerOptions['shouldAutoRefresh'];
}): Harness {
  const clock = new FakeClock(start);
  const store = new SessionStore({ clock });
  const reissueCalls: Harness['reissueCalls'] = [];
  const mfaPrompts: StsSession[] = [];
  const failures: StsCallError[] = [];
  const scheduler = new RefreshScheduler({
    store,
    clock,
    leadTimeMs: options.leadTimeMs,
    shouldAutoRefresh: options.shouldAutoRefresh,
    reissue: async (session, mfaCode) => {
      reissueCalls.push({ session, mfaCode });
      return options.reissue
        ? options.reissue(session, mfaCode)
        : { ok: true, value: issuedCredentials(new Date(clock.now() + hour)) };
    },
    askMfaCode: async (session) => {
      mfaPrompts.push(session);
      return options.askMfaCode ? options.askMfaCode(session) : '123456';
    },
    onRefreshFailed: (_session, error) => failures.push(error),
  });
  scheduler.start();
  return { clock, store, scheduler, reissueCalls, mfaPrompts, failures };
}

const mfaRequest = {
  api: 'AssumeRole' as const,
  roleArn: 'arn:aws:iam::111122223333:role/Admin',
  roleSessionName: 'admin',
  mfaSerial: 'arn:aws:iam::111122223333:mfa/alice',
};

const denied: StsResult<IssuedSession> = {
  ok: false,
  error: { code: 'AccessDenied', cause: 'aws', operation: 'AssumeRole', message: 'denied by the trust policy' },
};

describe('RefreshScheduler', () => {
  it('refreshes exactly the lead time before expiry, not earlier', async () => {
    const h = harness({ leadTimeMs: 5 * minute });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(55 * minute - 1);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 0);
    h.clock.advance(1);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 1);
    const refreshed = h.store.get(session.id);
    assert.equal(refreshed?.credentials.expiration.getTime(), start + 55 * minute + hour);
    assert.notEqual(refreshed?.credentials.accessKeyId, session.credentials.accessKeyId);
    assert.equal(h.store.stateOf(session.id), 'active');
  });

  it('schedules the next refresh from the new expiry', async () => {
    const h = harness({ leadTimeMs: 5 * minute });
    h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 2);
  });

  it('defaults the lead time to five minutes', async () => {
    const h = harness({});
    h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(55 * minute - 1);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 0);
    h.clock.advance(1);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 1);
  });

  it('refreshes at once a restored session that is already inside the lead time', async () => {
    const h = harness({ leadTimeMs: 5 * minute });
    h.store.add(makeSession({ now: start, lifetimeMs: 2 * minute }));
    h.clock.advance(0);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 1);
  });

  it('asks for one MFA code per refresh of an MFA session and passes it on', async () => {
    const h = harness({ askMfaCode: async () => '654321' });
    h.store.add(makeSession({ now: start, lifetimeMs: hour, request: mfaRequest }));
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    assert.equal(h.mfaPrompts.length, 1);
    assert.equal(h.reissueCalls.length, 1);
    assert.equal(h.reissueCalls[0].mfaCode, '654321');
  });

  it('does not ask for an MFA code when the request names no MFA device', async () => {
    const h = harness({});
    h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    assert.equal(h.mfaPrompts.length, 0);
    assert.equal(h.reissueCalls[0].mfaCode, undefined);
  });

  it('reports a cancelled MFA prompt once, keeps the session and never asks again for it', async () => {
    const h = harness({ askMfaCode: async () => undefined });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour, request: mfaRequest }));
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    h.clock.advance(4 * minute);
    await h.scheduler.whenIdle();
    assert.equal(h.mfaPrompts.length, 1);
    assert.equal(h.reissueCalls.length, 0);
    assert.deepEqual(h.failures.map((failure) => failure.code), ['MfaCodeRequired']);
    const kept = h.store.get(session.id);
    assert.equal(kept?.credentials.accessKeyId, session.credentials.accessKeyId);
    assert.match(kept?.lastRefreshError ?? '', /needs a new MFA code/);
  });

  it('asks for the code only once when the refresh with it is refused', async () => {
    const h = harness({ reissue: async () => denied });
    h.store.add(makeSession({ now: start, lifetimeMs: hour, request: mfaRequest }));
    h.clock.advance(59 * minute);
    await h.scheduler.whenIdle();
    assert.equal(h.mfaPrompts.length, 1);
    assert.equal(h.reissueCalls.length, 1);
  });

  it('keeps the old session after a failed refresh until it expires, then marks it expired', async () => {
    const h = harness({ reissue: async () => denied });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    const states: string[] = [];
    h.store.onDidChange((change) => {
      if (change.kind === 'state') {
        states.push(change.state);
      }
    });
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    assert.deepEqual(h.failures.map((failure) => failure.code), ['AccessDenied']);
    assert.equal(h.store.get(session.id)?.credentials.secretAccessKey, session.credentials.secretAccessKey);
    assert.equal(h.store.get(session.id)?.lastRefreshError, 'denied by the trust policy');
    assert.equal(h.store.stateOf(session.id), 'expiringSoon');
    h.clock.advance(5 * minute);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 1);
    assert.equal(h.store.stateOf(session.id), 'expired');
    assert.deepEqual(states, ['expiringSoon', 'expired']);
    assert.ok(h.store.get(session.id), 'expired sessions stay until forgotten');
  });

  it('clears the refresh error after a later manual refresh succeeds', async () => {
    let fail = true;
    const h = harness({
      reissue: async () => (fail ? denied : { ok: true, value: issuedCredentials(new Date(start + 3 * hour)) }),
    });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(55 * minute);
    await h.scheduler.whenIdle();
    fail = false;
    assert.equal(await h.scheduler.refreshNow(session.id), 'refreshed');
    assert.equal(h.store.get(session.id)?.lastRefreshError, undefined);
  });

  it('reports an exception thrown by the reissue function as a failed refresh', async () => {
    const h = harness({
      reissue: async () => {
        throw new Error('socket hang up');
      },
    });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    assert.equal(await h.scheduler.refreshNow(session.id), 'failed');
    assert.match(h.failures[0].message, /socket hang up/);
  });

  it('shares one refresh between concurrent requests for the same session', async () => {
    const h = harness({});
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    const [first, second] = await Promise.all([h.scheduler.refreshNow(session.id), h.scheduler.refreshNow(session.id)]);
    assert.deepEqual([first, second], ['refreshed', 'refreshed']);
    assert.equal(h.reissueCalls.length, 1);
  });

  it('does not bring back a session forgotten while its refresh was running', async () => {
    let release: () => void = () => undefined;
    const h = harness({
      reissue: () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, value: issuedCredentials(new Date(start + 2 * hour)) });
        }),
    });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    const outcome = h.scheduler.refreshNow(session.id);
    await new Promise<void>((resolve) => setImmediate(resolve));
    h.store.forget(session.id);
    release();
    assert.equal(await outcome, 'skipped');
    assert.equal(h.store.get(session.id), undefined);
  });

  it('cancels the timers of a forgotten session', () => {
    const h = harness({});
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    assert.ok(h.clock.pendingTimers > 0);
    h.store.forget(session.id);
    assert.equal(h.clock.pendingTimers, 0);
  });

  it('only marks states for sessions that opt out of automatic refresh', async () => {
    const h = harness({ shouldAutoRefresh: () => false });
    const session = h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(hour);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 0);
    assert.equal(h.store.stateOf(session.id), 'expired');
  });

  it('stops scheduling after dispose', async () => {
    const h = harness({});
    h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.scheduler.dispose();
    assert.equal(h.clock.pendingTimers, 0);
    h.store.add(makeSession({ now: start, lifetimeMs: hour }));
    h.clock.advance(hour);
    await h.scheduler.whenIdle();
    assert.equal(h.reissueCalls.length, 0);
  });
});

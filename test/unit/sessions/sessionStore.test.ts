import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import stateCases from '../../fixtures/sts/session-states.json';
import { SessionStore, type SessionChange, type SessionState } from '../../../client/src/sessions/sessionStore';
import { FakeClock } from './fakeClock';
import { issuedCredentials, makeSession } from './sessionFactory';

const start = Date.parse('2026-03-01T12:00:00Z');

describe('session state from the clock', () => {
  for (const testCase of stateCases) {
    it(testCase.name, () => {
      const clock = new FakeClock(start);
      const store = new SessionStore({ clock, expiringSoonMs: testCase.expiringSoonMs });
      const session = store.add(makeSession({ now: start, lifetimeMs: testCase.leftMs }));
      assert.equal(store.stateOf(session), testCase.expected as SessionState);
    });
  }

  it('defaults the expiring-soon threshold to five minutes', () => {
    const clock = new FakeClock(start);
    const store = new SessionStore({ clock });
    assert.equal(store.expiringSoonMs, 300_000);
  });
});

describe('SessionStore', () => {
  it('emits added, updated and removed changes to listeners', () => {
    const clock = new FakeClock(start);
    const store = new SessionStore({ clock });
    const kinds: string[] = [];
    store.onDidChange((change) => kinds.push(change.kind));
    const session = store.add(makeSession({ now: start, lifetimeMs: 3_600_000 }));
    store.replaceCredentials(session.id, issuedCredentials(new Date(start + 7_200_000)));
    store.forget(session.id);
    assert.deepEqual(kinds, ['added', 'updated', 'removed']);
  });

  it('stops notifying a listener once it is disposed', () => {
    const store = new SessionStore({ clock: new FakeClock(start) });
    let calls = 0;
    const subscription = store.onDidChange(() => calls++);
    subscription.dispose();
    store.add(makeSession({ now: start, lifetimeMs: 3_600_000 }));
    assert.equal(calls, 0);
  });

  it('keeps notifying other listeners when one throws', () => {
    const store = new SessionStore({ clock: new FakeClock(start) });
    let calls = 0;
    store.onDidChange(() => {
      throw new Error('listener bug');
    });
    store.onDidChange(() => calls++);
    store.add(makeSession({ now: start, lifetimeMs: 3_600_000 }));
    assert.equal(calls, 1);
  });

  it('reports each state transition once when time passes', () => {
    const clock = new FakeClock(start);
    const store = new SessionStore({ clock });
    const session = store.add(makeSession({ now: start, lifetimeMs: 600_000 }));
    const states: string[] = [];
    store.onDidChange((change: SessionChange) => {
      if (change.kind === 'state') {
        states.push(`${change.previous}->${change.state}`);
      }
    });
    clock.advance(299_999);
    store.checkStates();
    clock.advance(1);
    store.checkStates();
    store.checkStates();
    clock.advance(300_000);
    store.checkStates();
    assert.deepEqual(states, ['active->expiringSoon', 'expiringSoon->expired']);
    assert.equal(store.stateOf(session.id), 'expired');
  });

  it('keeps expired sessions until they are forgotten', () => {
    const clock = new FakeClock(start);
    const store = new SessionStore({ clock });
    const session = store.add(makeSession({ now: start, lifetimeMs: 900_000 }));
    clock.advance(86_400_000);
    store.checkStates();
    assert.equal(store.list().length, 1);
    assert.equal(store.forget(session.id), true);
    assert.equal(store.list().length, 0);
    assert.equal(store.forget(session.id), false);
  });

  it('replaces credentials after a refresh but keeps id, label and request', () => {
    const clock = new FakeClock(start);
    const store = new SessionStore({ clock });
    const session = store.add(makeSession({ now: start, lifetimeMs: 900_000 }));
    clock.advance(600_000);
    const fresh = issuedCredentials(new Date(start + 4_500_000));
    const refreshed = store.replaceCredentials(session.id, fresh);
    assert.ok(refreshed);
    assert.equal(refreshed.id, session.id);
    assert.equal(refreshed.label, session.label);
    assert.deepEqual(refreshed.request, session.request);
    assert.equal(refreshed.credentials.accessKeyId, fresh.credentials.accessKeyId);
    assert.equal(refreshed.refreshCount, 1);
    assert.equal(refreshed.issuedAt.getTime(), start + 600_000);
  });

  it('round-trips sessions through the secret string, expired ones included', () => {
    const clock = new FakeClock(start);
    const store = new SessionStore({ clock });
    const live = store.add(makeSession({ now: start, lifetimeMs: 3_600_000 }));
    const old = store.add(makeSession({ now: start - 7_200_000, lifetimeMs: 900_000 }));
    const restored = SessionStore.fromSecret(store.toSecret(), { clock });
    // JSON drops properties whose value is undefined; compare what was actually stored.
    assert.deepEqual(JSON.parse(JSON.stringify(restored.list())), JSON.parse(JSON.stringify([live, old])));
    assert.equal(restored.stateOf(old.id), 'expired');
    assert.ok(restored.get(live.id)?.credentials.expiration instanceof Date);
  });

  it('restores nothing from a missing, corrupt or foreign secret', () => {
    const store = new SessionStore({ clock: new FakeClock(start) });
    assert.equal(store.restoreFromSecret(undefined), 0);
    assert.equal(store.restoreFromSecret('{not json'), 0);
    assert.equal(store.restoreFromSecret(JSON.stringify({ version: 99, sessions: [] })), 0);
    assert.equal(store.restoreFromSecret(JSON.stringify({ version: 1, sessions: [{ id: 'x' }] })), 0);
  });

  it('summarises the session policy of the issuing request', () => {
    const session = makeSession({
      now: start,
      lifetimeMs: 3_600_000,
      request: {
        api: 'AssumeRole',
        roleArn: 'arn:aws:iam::111122223333:role/Dev',
        roleSessionName: 'dev',
        policy: '{"Version":"2012-10-17","Statement":[]}',
        policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
        tags: [{ key: 'team', value: 'core' }],
      },
    });
    assert.equal(session.sessionPolicySummary, 'inline policy (39 chars) + 2 managed policies, 1 session tag');
    assert.equal(session.account, '111122223333');
    assert.equal(session.label, 'Dev (dev)');
  });
});

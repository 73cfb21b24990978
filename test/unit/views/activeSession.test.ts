import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionStore } from '../../../client/src/sessions/sessionStore';
import { ActiveSessionTracker } from '../../../client/src/views/activeSession';
import { FakeClock } from '../sessions/fakeClock';
import { issuedCredentials, makeSession } from '../sessions/sessionFactory';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('ActiveSessionTracker', () => {
  it('puts a newly issued session in use and falls back to the latest when it is forgotten', () => {
    const store = new SessionStore({ clock: new FakeClock(now) });
    const tracker = new ActiveSessionTracker(store);
    const first = store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'first' }));
    const second = store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'second' }));
    assert.equal(tracker.session?.id, second.id);
    tracker.select(first.id);
    assert.equal(tracker.session?.id, first.id);
    store.forget(first.id);
    assert.equal(tracker.session?.id, second.id);
    store.forget(second.id);
    assert.equal(tracker.session, undefined);
  });

  it('tells listeners when the session in use gets new credentials, so terminals follow a refresh', () => {
    const store = new SessionStore({ clock: new FakeClock(now) });
    const tracker = new ActiveSessionTracker(store);
    const session = store.add(makeSession({ now, lifetimeMs: 600_000, id: 'dev' }));
    const seen: Array<string | undefined> = [];
    tracker.onDidChange((current) => seen.push(current?.credentials.accessKeyId));
    const refreshed = issuedCredentials(new Date(now + 3_600_000));
    store.replaceCredentials(session.id, refreshed);
    assert.deepEqual(seen, [refreshed.credentials.accessKeyId]);
  });

  it('ignores a selection of a session that does not exist', () => {
    const store = new SessionStore({ clock: new FakeClock(now) });
    const tracker = new ActiveSessionTracker(store);
    store.add(makeSession({ now, lifetimeMs: 600_000, id: 'dev' }));
    tracker.select('nope');
    assert.equal(tracker.session?.id, 'dev');
  });
});

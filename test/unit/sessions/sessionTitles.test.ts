// Two sessions of the same role and session name are told apart everywhere they are shown or
// picked: the second is "#2", and stays so when the first is forgotten.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionStore } from '../../../client/src/sessions/sessionStore';
import { sessionsFromSecret, sessionsToSecret } from '../../../client/src/sessions/sessionSecret';
import { issuedWords, presentSession, sessionTitle } from '../../../client/src/views/sessionPresentation';
import { FakeClock } from './fakeClock';
import { makeSession } from './sessionFactory';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('session titles', () => {
  it('numbers a second session of the same role and name, and keeps the first title plain', () => {
    const store = new SessionStore({ clock: new FakeClock(now) });
    const first = store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'a' }));
    const second = store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'b' }));
    assert.equal(sessionTitle(first), 'Dev (dev)');
    assert.equal(sessionTitle(second), 'Dev (dev) #2');
    assert.equal(presentSession(second, 'active', now).label, 'Dev (dev) #2');
  });

  it('keeps a title when another session of the same name is forgotten, and reuses the free number', () => {
    const store = new SessionStore({ clock: new FakeClock(now) });
    store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'a' }));
    store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'b' }));
    store.forget('a');
    assert.equal(sessionTitle(store.get('b')!), 'Dev (dev) #2');
    const third = store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'c' }));
    assert.equal(sessionTitle(third), 'Dev (dev)');
  });

  it('keeps the number through a refresh and a window reload', () => {
    const store = new SessionStore({ clock: new FakeClock(now) });
    store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'a' }));
    const second = store.add(makeSession({ now, lifetimeMs: 3_600_000, id: 'b' }));
    const refreshed = store.add({ ...second, refreshCount: 1 });
    assert.equal(sessionTitle(refreshed), 'Dev (dev) #2');
    const [, revived] = sessionsFromSecret(sessionsToSecret(store.list()));
    assert.equal(sessionTitle(revived), 'Dev (dev) #2');
  });

  it('says when a session was issued, for pickers', () => {
    const session = makeSession({ now, lifetimeMs: 3_600_000 });
    assert.equal(issuedWords(session, 'UTC'), 'issued 12:00:00');
  });
});

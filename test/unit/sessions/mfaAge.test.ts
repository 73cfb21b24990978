import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RefreshScheduler } from '../../../client/src/sessions/refreshScheduler';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';
import { SessionStore } from '../../../client/src/sessions/sessionStore';
import type { SessionRequest } from '../../../client/src/sessions/stsTypes';
import { presentSession } from '../../../client/src/views/sessionPresentation';
import { FakeClock } from './fakeClock';
import { issuedCredentials } from './sessionFactory';

// aws:MultiFactorAuthAge counts from the MFA sign-in of the credentials that made the request:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthage

const start = Date.parse('2026-03-01T12:00:00Z');
const minute = 60_000;
const hour = 60 * minute;
const mfaSerial = 'arn:aws:iam::111122223333:mfa/alice';
const sessionTokenWithMfa: SessionRequest = { api: 'GetSessionToken', durationSeconds: 3600, mfaSerial };
const chainedRequest: SessionRequest = { api: 'AssumeRole', roleArn: 'arn:aws:iam::111122223333:role/Admin', roleSessionName: 'admin', durationSeconds: 3600 };

function world() {
  const clock = new FakeClock(start);
  const store = new SessionStore({ clock });
  const refreshed: Array<{ title: string; requestId: string | undefined }> = [];
  const scheduler = new RefreshScheduler({
    store,
    clock,
    reissue: async () => ({ ok: true, value: issuedCredentials(new Date(clock.now() + hour)) }),
    askMfaCode: async () => '654321',
    shouldAutoRefresh: () => false,
    onRefreshed: (session, requestId) => refreshed.push({ title: session.label, requestId }),
  });
  scheduler.start();
  const source = store.add(
    sessionFromIssued({ request: sessionTokenWithMfa, issued: issuedCredentials(new Date(start + hour), 'GetSessionToken'), region: 'us-east-1', sourceProfile: 'alice', usedMfa: true, now: new Date(start) }),
  );
  const chained = () =>
    store.add(
      sessionFromIssued({
        request: chainedRequest,
        issued: issuedCredentials(new Date(clock.now() + hour)),
        region: 'us-east-1',
        usedMfa: false,
        inheritedMfaAt: store.get(source.id)?.mfaAt,
        chainedFrom: { sessionId: source.id, title: 'session token (alice) with MFA', chain: ['session token (alice) with MFA'] },
        now: new Date(clock.now()),
      }),
    );
  const mfaShown = (id: string) => /MFA used: (.*?) ago/.exec(presentSession(store.get(id)!, 'active', clock.now()).tooltip)?.[1];
  return { clock, store, scheduler, source, chained, refreshed, mfaShown };
}

describe('how long ago MFA was used', () => {
  it('a refreshed GetSessionToken with MFA asks a new code, so its MFA age starts again', async () => {
    const w = world();
    w.clock.advance(40 * minute);
    assert.equal(w.mfaShown(w.source.id), '40m');
    assert.equal(await w.scheduler.refreshNow(w.source.id), 'refreshed');
    assert.equal(w.store.get(w.source.id)?.mfaAt, new Date(start + 40 * minute).toISOString());
    w.clock.advance(5 * minute);
    assert.equal(w.mfaShown(w.source.id), '5m');
  });

  it('a role assumed with an MFA session carries that session\'s MFA time, not its own issue time', () => {
    const w = world();
    w.clock.advance(20 * minute);
    const chained = w.chained();
    assert.equal(chained.mfaAt, new Date(start).toISOString());
    assert.equal(w.mfaShown(chained.id), '20m');
  });

  it('a refreshed role chain signed by the MFA session as it is keeps the original MFA time', async () => {
    const w = world();
    w.clock.advance(20 * minute);
    const chained = w.chained();
    w.clock.advance(30 * minute);
    assert.equal(await w.scheduler.refreshNow(chained.id), 'refreshed');
    assert.equal(w.store.get(chained.id)?.mfaAt, new Date(start).toISOString());
    assert.equal(w.mfaShown(chained.id), '50m');
  });

  it('a role chain refreshed after its source was refreshed with a new code takes the new MFA time', async () => {
    const w = world();
    const chained = w.chained();
    w.clock.advance(50 * minute);
    await w.scheduler.refreshNow(w.source.id);
    w.clock.advance(2 * minute);
    await w.scheduler.refreshNow(chained.id);
    assert.equal(w.store.get(chained.id)?.mfaAt, new Date(start + 50 * minute).toISOString());
    assert.equal(w.mfaShown(chained.id), '2m');
  });

  it('a role assumed with a new MFA code on refresh restarts its MFA age', async () => {
    const w = world();
    const role = w.store.add(
      sessionFromIssued({ request: { ...chainedRequest, mfaSerial }, issued: issuedCredentials(new Date(start + hour)), region: 'us-east-1', sourceProfile: 'alice', usedMfa: true, now: new Date(start) }),
    );
    w.clock.advance(56 * minute);
    await w.scheduler.refreshNow(role.id);
    assert.equal(w.mfaShown(role.id), '0m');
  });

  it('a session issued without MFA shows no MFA age before or after a refresh', async () => {
    const w = world();
    const plain = w.store.add(sessionFromIssued({ request: chainedRequest, issued: issuedCredentials(new Date(start + hour)), region: 'us-east-1', sourceProfile: 'alice', usedMfa: false, now: new Date(start) }));
    await w.scheduler.refreshNow(plain.id);
    assert.equal(w.store.get(plain.id)?.mfaAt, undefined);
    assert.equal(w.mfaShown(plain.id), undefined);
  });

  it('the history of a refresh names the request that issued the new credentials', async () => {
    const w = world();
    await w.scheduler.refreshNow(w.source.id);
    assert.equal(w.refreshed.length, 1);
    assert.match(w.refreshed[0].requestId ?? '', /^[0-9a-f]{16}$/);
  });
});

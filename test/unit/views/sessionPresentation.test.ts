import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';
import { formatLocalTime, presentEndpoint, presentSession, presentStatusBar, sessionTitle } from '../../../client/src/views/sessionPresentation';
import { issuedCredentials, makeSession } from '../sessions/sessionFactory';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('presentSession', () => {
  const session = makeSession({ now, lifetimeMs: 47 * 60_000 + 12_000 });

  it('labels a role session with role and session name, and describes account, API and time left', () => {
    const look = presentSession(session, 'active', now);
    assert.equal(look.label, 'Dev (dev)');
    assert.equal(look.description, '47m 12s left · 111122223333 · AssumeRole');
  });

  it('marks the session in use in the description and the tooltip', () => {
    const look = presentSession(session, 'active', now, { inUse: true });
    assert.match(look.description, / · in use$/);
    assert.match(look.tooltip, /\(in use\)/);
  });

  it('gives each state its own icon, colour and context value', () => {
    const states = (['active', 'expiringSoon', 'expired'] as const).map((state) => presentSession(session, state, now));
    assert.deepEqual(
      states.map((look) => [look.iconId, look.colorId, look.contextValue]),
      [
        ['pass-filled', 'charts.green', 'stsSession.active'],
        ['warning', 'list.warningForeground', 'stsSession.expiringSoon'],
        ['error', 'list.errorForeground', 'stsSession.expired'],
      ],
    );
  });

  it('keeps an expired session and says how long ago it expired', () => {
    const look = presentSession(session, 'expired', now + 47 * 60_000 + 12_000 + 3 * 60_000);
    assert.match(look.description, /^expired 3m ago · /);
    assert.match(look.tooltip, /State: Expired, expired 3m ago/);
  });

  it('puts ARN, assumed-role id, source profile, expiry in local time and UTC, region, endpoint and policy in the tooltip', () => {
    const look = presentSession(session, 'active', now, { timeZone: 'Europe/Paris' });
    assert.match(look.tooltip, /ARN: `arn:aws:sts::111122223333:assumed-role\/Dev\/dev`/);
    assert.match(look.tooltip, /Assumed-role id: `AROAEXAMPLEROLEID0001:dev`/);
    assert.match(look.tooltip, /Signed by: profile "default"/);
    assert.match(look.tooltip, /Expires: 01 Mar 2026, 13:47:12 CET \(2026\\-03\\-01 12:47:12 UTC\)/);
    assert.match(look.tooltip, /Region: us-east-1/);
    assert.match(look.tooltip, /Endpoint: `https:\/\/sts\.us-east-1\.amazonaws\.com`/);
    assert.match(look.tooltip, /Session policy: none/);
  });

  it('summarises a session policy and shows a custom endpoint', () => {
    const withPolicy = sessionFromIssued({
      request: { api: 'AssumeRole', roleArn: 'arn:aws:iam::111122223333:role/Dev', roleSessionName: 'dev', policy: '{"Statement":[]}', tags: [{ key: 'a', value: 'b' }] },
      issued: issuedCredentials(new Date(now + 3_600_000)),
      region: 'eu-west-3',
      endpoint: 'http://127.0.0.1:4566',
      usedMfa: true,
      now: new Date(now),
    });
    const look = presentSession(withPolicy, 'active', now);
    assert.match(look.tooltip, /Session policy: inline policy \\\(16 chars\\\), 1 session tag/);
    assert.match(look.tooltip, /Endpoint: `http:\/\/127\.0\.0\.1:4566`/);
    assert.match(look.tooltip, /Issued by: AssumeRole with MFA/);
    assert.match(look.tooltip, /Signed by: the default credential chain/);
  });

  it('never puts a secret key or session token in the label, description or tooltip', () => {
    const look = presentSession(session, 'active', now);
    const text = `${look.label} ${look.description} ${look.tooltip}`;
    assert.ok(!text.includes(session.credentials.secretAccessKey));
    assert.ok(!text.includes(session.credentials.sessionToken));
    assert.ok(!text.includes(session.credentials.accessKeyId));
  });

  it('names a federated user and a session token by what they are', () => {
    const federated = makeSession({ now, lifetimeMs: 3_600_000, request: { api: 'GetFederationToken', name: 'ci-bot' } });
    assert.equal(sessionTitle(federated), 'federated user ci-bot');
    const token = makeSession({ now, lifetimeMs: 3_600_000, request: { api: 'GetSessionToken', mfaSerial: 'arn:aws:iam::111122223333:mfa/alice' } });
    assert.equal(sessionTitle(token), 'session token (default) with MFA');
  });
});

describe('presentStatusBar', () => {
  const session = makeSession({ now, lifetimeMs: 4 * 60_000 });

  it('shows the session in use and its time left, warning colours when it expires soon', () => {
    const look = presentStatusBar(session, 'expiringSoon', now, 2);
    assert.equal(look.text, '$(warning) Dev (dev) · 4m 00s left');
    assert.equal(look.backgroundColorId, 'statusBarItem.warningBackground');
    assert.match(look.tooltip, /2 sessions/);
  });

  it('says there is no session in use', () => {
    assert.equal(presentStatusBar(undefined, undefined, now, 0).text, '$(key) No STS session');
  });
});

describe('formatLocalTime', () => {
  it('formats in the given time zone with its abbreviation', () => {
    assert.equal(formatLocalTime(new Date(now), 'UTC'), '01 Mar 2026, 12:00:00 UTC');
  });
});

describe('presentEndpoint', () => {
  it('names a custom endpoint, where it comes from, and the Region', () => {
    const look = presentEndpoint({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:5055' });
    assert.equal(look.message, 'STS endpoint: http://127.0.0.1:5055 (custom, from user settings) · Region eu-west-1');
    assert.equal(look.description, 'eu-west-1 · via 127.0.0.1:5055');
  });

  it('names the regional AWS endpoint when none is configured', () => {
    const look = presentEndpoint({ region: 'us-east-1' });
    assert.equal(look.message, 'STS endpoint: https://sts.us-east-1.amazonaws.com · Region us-east-1');
    assert.equal(look.description, 'us-east-1');
  });

  it('puts the endpoint new sessions go to in the status bar tooltip', () => {
    const tip = presentStatusBar(undefined, undefined, Date.parse('2026-03-01T12:00:00Z'), 0, { region: 'us-east-1', endpoint: 'http://127.0.0.1:5055' }).tooltip;
    assert.match(tip, /STS endpoint: http:\/\/127\.0\.0\.1:5055/);
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { IdentityCenter } from '../../../client/src/identityCenter/identityCenter';
import { IdentityCenterClient, type DeviceCode } from '../../../client/src/identityCenter/identityCenterClient';
import { readSsoToken, ssoTokenCachePath, writeSsoToken } from '../../../client/src/identityCenter/ssoTokenCache';
import { StsGateway } from '../../../client/src/sessions/stsGateway';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import { startServer } from '../sessions/stsWorld';

const startUrl = 'https://d-9067example.awsapps.com/start';
const noWait = async () => {};

describe('IAM Identity Center through the real SSO OIDC and SSO clients, against the loopback server', () => {
  let server: LoopbackStsServer;
  let home: string;
  const lines: string[] = [];

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'iamsts-sso-'));
  });
  beforeEach(async () => {
    await server?.stop();
    server = await startServer();
    lines.length = 0;
  });
  after(async () => {
    await server?.stop();
    await rm(home, { recursive: true, force: true });
  });

  function center(): IdentityCenter {
    return new IdentityCenter({ settings: { current: { ssoOidcEndpoint: server.url, ssoPortalEndpoint: server.url } }, log: (line) => lines.push(line), home, sleep: noWait });
  }

  /** Signs in; the "user" approves in the browser after `pendingPolls` pending answers. */
  async function signIn(ssoSession: string | undefined, decision: 'approved' | 'denied' = 'approved', pendingPolls = 2) {
    const codes: DeviceCode[] = [];
    const polls: string[] = [];
    const result = await center().signIn(
      { ssoSession, startUrl, region: 'eu-west-1' },
      (code) => {
        codes.push(code);
      },
      undefined,
      (state) => {
        polls.push(state);
        if (polls.length === pendingPolls) server.identityCenter.decide(codes[0].userCode, decision);
      },
    );
    return { result, codes, polls };
  }

  it('runs the device flow: shows the user code and verification URL, polls while pending, writes the CLI cache file', async () => {
    const { result, codes, polls } = await signIn('my-sso');
    assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
    assert.equal(codes.length, 1);
    assert.match(codes[0].userCode, /^[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    assert.equal(codes[0].verificationUriComplete, `${server.url}/device?user_code=${codes[0].userCode}`);
    assert.deepEqual(polls, ['pending', 'pending']);
    const expectedFile = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('my-sso').digest('hex')}.json`);
    assert.equal(result.value.cacheFile, expectedFile);
    const onDisk = JSON.parse(await readFile(expectedFile, 'utf8'));
    assert.deepEqual(Object.keys(onDisk).sort(), ['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
    assert.equal(onDisk.startUrl, startUrl);
    assert.equal(onDisk.region, 'eu-west-1');
    assert.match(onDisk.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(server.identityCenter.accessTokens.has(onDisk.accessToken));
    assert.equal((await stat(expectedFile)).mode & 0o777, 0o600);
  });

  it('names the cache file after the start URL for a legacy profile without sso_session', async () => {
    const { result } = await signIn(undefined);
    assert.ok(result.ok);
    assert.equal(result.value.cacheFile, join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(startUrl).digest('hex')}.json`));
  });

  it('waits five seconds more after each slow_down, as the device flow asks', async () => {
    const waits: number[] = [];
    const client = new IdentityCenterClient({ region: 'us-east-1', oidcEndpoint: server.url, sleep: async (ms) => void waits.push(ms) });
    let userCode = '';
    const result = await client.signIn({
      startUrl,
      onDeviceCode: (code) => {
        userCode = code.userCode;
        server.identityCenter.slowDown(2);
      },
      onPoll: (state) => {
        if (state === 'slow-down' && waits.length === 2) server.identityCenter.decide(userCode, 'approved');
      },
    });
    assert.ok(result.ok);
    assert.deepEqual(waits, [1000, 6000, 11000]);
  });

  it('says the sign-in was denied when the user refuses it in the browser', async () => {
    const { result } = await signIn('denied-sso', 'denied', 1);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'AccessDenied');
    assert.match(result.error.message, /denied in the browser/);
  });

  it('says the code expired when nobody confirms it in time', async () => {
    const client = new IdentityCenterClient({ region: 'us-east-1', oidcEndpoint: server.url, sleep: noWait });
    server.identityCenter.config.deviceCodeSeconds = 0;
    const result = await client.signIn({ startUrl, onDeviceCode: () => {} });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'ExpiredToken');
  });

  it('stops polling when the user cancels', async () => {
    const abort = new AbortController();
    const client = new IdentityCenterClient({ region: 'us-east-1', oidcEndpoint: server.url, sleep: noWait });
    const result = await client.signIn({ startUrl, onDeviceCode: () => {}, onPoll: () => abort.abort(), signal: abort.signal });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'Cancelled');
  });

  it('lists accounts and roles, gets role credentials that STS accepts, and never logs a token', async () => {
    const { result } = await signIn('list-sso');
    assert.ok(result.ok);
    const start = { ssoSession: 'list-sso', startUrl, region: 'eu-west-1' };
    const token = result.value.entry.accessToken;
    const accounts = await center().accounts(start, token);
    assert.ok(accounts.ok);
    assert.deepEqual(accounts.value.map((account) => `${account.accountId} ${account.accountName}`), ['111122223333 Development', '444455556666 Partner']);
    const roles = await center().roles(start, token, '111122223333');
    assert.ok(roles.ok);
    assert.deepEqual(roles.value, ['ReadOnly', 'PowerUser']);
    const issued = await center().roleCredentials({ api: 'GetRoleCredentials', accountId: '111122223333', roleName: 'ReadOnly', startUrl, ssoRegion: 'eu-west-1', ssoSession: 'list-sso' });
    assert.ok(issued.ok);
    assert.match(issued.value.credentials.accessKeyId, /^ASIA/);
    assert.ok(issued.value.credentials.expiration.getTime() > Date.now() + 3000_000);
    const whoAmI = await new StsGateway({ endpoint: server.url, credentials: async () => issued.value.credentials }).getCallerIdentity();
    assert.ok(whoAmI.ok);
    assert.match(whoAmI.value.arn, /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnly\//);
    const log = lines.join('\n');
    for (const secret of [...server.identityCenter.secrets(), issued.value.credentials.secretAccessKey, issued.value.credentials.sessionToken]) {
      assert.ok(!log.includes(secret), 'a secret reached the log');
    }
    assert.match(log, /GetRoleCredentials → ok/);
  });

  it('refreshes an expired access token with the refresh token and writes it back to the cache', async () => {
    const { result } = await signIn('refresh-sso');
    assert.ok(result.ok);
    const key = { ssoSession: 'refresh-sso', startUrl };
    const expired = { ...result.value.entry, expiresAt: '2020-01-01T00:00:00Z' };
    await writeSsoToken(key, expired, home);
    const issued = await center().roleCredentials({ api: 'GetRoleCredentials', accountId: '444455556666', roleName: 'ReadOnly', startUrl, ssoRegion: 'eu-west-1', ssoSession: 'refresh-sso' });
    assert.ok(issued.ok, JSON.stringify(!issued.ok && issued.error));
    const after = await readSsoToken(key, home);
    assert.ok(after && after.accessToken !== expired.accessToken && Date.parse(after.expiresAt) > Date.now());
    assert.equal(server.identityCenter.calls.filter((call) => call.operation === 'CreateToken' && call.detail === 'refresh_token').length, 1);
  });

  it('says to sign in again when there is no cached token', async () => {
    const issued = await center().roleCredentials({ api: 'GetRoleCredentials', accountId: '1', roleName: 'x', startUrl: 'https://never.example/start', ssoRegion: 'us-east-1' });
    assert.ok(!issued.ok);
    assert.equal(issued.error.code, 'NotSignedIn');
    assert.equal(ssoTokenCachePath({ startUrl: 'x' }, home).startsWith(join(home, '.aws', 'sso', 'cache')), true);
  });

  it('refuses role credentials for a permission set that is not assigned', async () => {
    const { result } = await signIn('forbidden-sso');
    assert.ok(result.ok);
    const issued = await center().roleCredentials({ api: 'GetRoleCredentials', accountId: '444455556666', roleName: 'PowerUser', startUrl, ssoRegion: 'eu-west-1', ssoSession: 'forbidden-sso' });
    assert.ok(!issued.ok);
    assert.equal(issued.error.code, 'Forbidden');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sessionFromIssued, withRefreshedCredentials } from '../../../client/src/sessions/sessionRecord';
import { StsGateways } from '../../../client/src/sessions/stsGateways';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import { alice, roles, startServer } from './stsWorld';

describe('StsGateways: one factory for every STS call of the extension', () => {
  let server: LoopbackStsServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  function gatewaysWith(settings: { current: { region: string; endpoint?: string } }, lines: string[] = []) {
    return new StsGateways({
      settings,
      log: (line) => lines.push(line),
      askMfaCode: async () => undefined,
      defaultChain: () => async () => ({ accessKeyId: alice.accessKeyId, secretAccessKey: alice.secretAccessKey }),
    });
  }

  it('sends to the endpoint of the settings in force when the call is made, not when the factory was built', async () => {
    const settings = { current: { region: 'us-east-1', endpoint: 'http://127.0.0.1:9' as string | undefined } };
    const gateways = gatewaysWith(settings);
    settings.current = { region: 'eu-west-1', endpoint: server.url };
    const gateway = gateways.signedBy(gateways.defaultChain());
    assert.equal(gateway.endpoint, server.url);
    assert.equal(gateway.region, 'eu-west-1');
    const identity = await gateway.getCallerIdentity();
    assert.ok(identity.ok && identity.value.arn.endsWith(':user/alice'));
  });

  it('refreshes a session without a profile through the default credential chain, and logs without secrets', async () => {
    const lines: string[] = [];
    const gateways = gatewaysWith({ current: { region: 'us-east-1', endpoint: server.url } }, lines);
    const request = { api: 'AssumeRole' as const, roleArn: roles.dev, roleSessionName: 'refresh-me', durationSeconds: 900 };
    const first = await gateways.signedBy(gateways.defaultChain()).issue(request);
    assert.ok(first.ok);
    const session = sessionFromIssued({ request, issued: first.value, region: 'us-east-1', usedMfa: false, now: new Date() });
    const again = await gateways.reissue(session, undefined);
    assert.ok(again.ok);
    assert.notEqual(again.value.credentials.accessKeyId, first.value.credentials.accessKeyId);
    const log = lines.join('\n');
    assert.ok(!log.includes(alice.secretAccessKey) && !log.includes(again.value.credentials.sessionToken));
    assert.match(log, /AssumeRole/);
  });

  it('a refresh says which endpoint of the settings issued the new credentials, and the session records it', async () => {
    const settings = { current: { region: 'us-east-1', endpoint: server.url as string | undefined } };
    const gateways = gatewaysWith(settings);
    const request = { api: 'AssumeRole' as const, roleArn: roles.dev, roleSessionName: 'moved', durationSeconds: 900 };
    const first = await gateways.signedBy(gateways.defaultChain()).issue(request);
    assert.ok(first.ok);
    const session = sessionFromIssued({ request, issued: first.value, region: 'us-east-1', endpoint: 'https://sts.amazonaws.com', usedMfa: false, now: new Date() });
    const again = await gateways.reissue(session, undefined);
    assert.ok(again.ok);
    assert.equal(again.value.endpoint, server.url);
    assert.equal(withRefreshedCredentials(session, again.value, new Date()).endpoint, server.url);
  });

  it('a role chain whose source expired says to refresh the source first; one whose source was forgotten, to assume again', async () => {
    const gateways = new StsGateways({
      settings: { current: { region: 'us-east-1', endpoint: server.url } },
      log: () => {},
      askMfaCode: async () => undefined,
      sessionById: (id) => (id === 'expired-source' ? expiredSource : undefined),
    });
    const request = { api: 'AssumeRole' as const, roleArn: roles.chained, roleSessionName: 'chain', durationSeconds: 3600 };
    const issued = { api: 'AssumeRole' as const, credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'x', sessionToken: 'y', expiration: new Date(Date.now() - 1000) } };
    const expiredSource = sessionFromIssued({ request, issued, region: 'us-east-1', usedMfa: false, now: new Date(Date.now() - 3_600_000) });
    const chained = (sessionId: string) =>
      sessionFromIssued({ request, issued, region: 'us-east-1', usedMfa: false, chainedFrom: { sessionId, title: 'Dev (alice)', chain: ['Dev'] }, now: new Date() });
    const expired = await gateways.reissue(chained('expired-source'), undefined);
    assert.ok(!expired.ok);
    assert.match(expired.error.message, /Dev \(alice\), which has expired; refresh that one first, then this one/);
    const forgotten = await gateways.reissue(chained('gone'), undefined);
    assert.ok(!forgotten.ok);
    assert.match(forgotten.error.message, /which was forgotten; assume the role again/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consoleDestination, consoleSignInUrl, federationEndpointOf, partitionOf } from '../../../client/src/sessions/consoleSignIn';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';
import type { StsSessionRequest } from '../../../client/src/sessions/stsTypes';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import { alice, gatewayFor, roles, startServer } from './stsWorld';

describe('Open in AWS Console: the federation sign-in URL', () => {
  let server: LoopbackStsServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  async function sessionOf(request: StsSessionRequest) {
    const issued = await gatewayFor(server, alice).issue(request);
    assert.ok(issued.ok, JSON.stringify(!issued.ok && issued.error));
    return sessionFromIssued({ request, issued: issued.value, region: 'eu-west-1', usedMfa: false, now: new Date() });
  }

  it('trades an AssumeRole session for a sign-in token and builds the login URL with destination and SessionDuration', async () => {
    const session = await sessionOf({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'console', durationSeconds: 3600 });
    const result = await consoleSignInUrl(session, { federationEndpoint: server.url, sessionDurationSeconds: 3600 });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
    const url = new URL(result.value.url);
    assert.equal(url.searchParams.get('Action'), 'login');
    assert.equal(url.searchParams.get('Destination'), 'https://console.aws.amazon.com/console/home?region=eu-west-1');
    const token = url.searchParams.get('SigninToken') ?? '';
    assert.equal(server.identityCenter.signinTokens.get(token)?.sessionDuration, 3600);
    assert.ok(!result.value.url.includes(session.credentials.secretAccessKey), 'the URL never carries the secret key');
  });

  it('sends no SessionDuration for a federation-token session, whose console session lasts as its credentials', async () => {
    const session = await sessionOf({ api: 'GetFederationToken', name: 'console-bot', durationSeconds: 900 });
    const result = await consoleSignInUrl(session, { federationEndpoint: server.url, sessionDurationSeconds: 3600 });
    assert.ok(result.ok);
    const token = new URL(result.value.url).searchParams.get('SigninToken') ?? '';
    assert.equal(server.identityCenter.signinTokens.get(token)?.sessionDuration, undefined);
  });

  it('says why a GetSessionToken session cannot open the console, without calling the endpoint', async () => {
    const session = await sessionOf({ api: 'GetSessionToken', durationSeconds: 900 });
    const before = server.identityCenter.calls.length;
    const result = await consoleSignInUrl(session, { federationEndpoint: server.url });
    assert.ok(!result.ok);
    assert.match(result.error.message, /GetSessionToken credentials cannot sign in to the AWS Management Console/);
    assert.equal(server.identityCenter.calls.length, before);
  });

  it('uses the sign-in and console hosts of the partition', () => {
    assert.equal(partitionOf({ principalArn: 'arn:aws-us-gov:sts::1:assumed-role/a/b', region: 'us-gov-west-1' }), 'aws-us-gov');
    assert.equal(federationEndpointOf('aws-cn'), 'https://signin.amazonaws.cn/federation');
    assert.equal(consoleDestination('aws-us-gov', 'us-gov-east-1'), 'https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1');
    assert.equal(partitionOf({ region: 'cn-north-1' }), 'aws-cn');
  });
});

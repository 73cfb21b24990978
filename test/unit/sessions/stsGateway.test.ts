import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { StsGateway } from '../../../client/src/sessions/stsGateway';
import type { StsResult } from '../../../client/src/sessions/stsTypes';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import { accounts, alice, aliceMfa, bob, gatewayFor, knownAuthorizationMessage, oidcToken, roles, samlAssertion, samlProvider, startServer } from './stsWorld';

function value<T>(result: StsResult<T>): T {
  if (!result.ok) {
    assert.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  }
  return result.value;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('StsGateway against the loopback STS server', () => {
  let server: LoopbackStsServer;
  let tempDir: string;

  before(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'iam-sts-gateway-'));
  });
  beforeEach(async () => {
    await server?.stop();
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
    await rm(tempDir, { recursive: true, force: true });
  });

  it('assumes a role with AssumeRole and returns typed credentials, role user and request id', async () => {
    const before = Date.now();
    const issued = value(
      await gatewayFor(server, alice).issue({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'alice-dev', durationSeconds: 900 }),
    );
    assert.match(issued.credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.ok(issued.credentials.secretAccessKey.length >= 40);
    assert.ok(issued.credentials.sessionToken.length > 100);
    const lifetime = issued.credentials.expiration.getTime() - before;
    assert.ok(lifetime > 895_000 && lifetime <= 901_000, `lifetime ${lifetime} ms`);
    assert.equal(issued.assumedRoleUser?.arn, `arn:aws:sts::${accounts.main}:assumed-role/Dev/alice-dev`);
    assert.match(issued.assumedRoleUser?.assumedRoleId ?? '', /^AROA[A-Z0-9]{17}:alice-dev$/);
    assert.match(issued.requestId ?? '', uuidPattern);
    assert.equal(issued.packedPolicySize, undefined);
  });

  it('sends AssumeRole as a signed form POST with every optional input', async () => {
    const issued = value(
      await gatewayFor(server, alice).issue({
        api: 'AssumeRole',
        roleArn: roles.dev,
        roleSessionName: 'tagged',
        policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
        policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        tags: [{ key: 'team', value: 'core' }],
        transitiveTagKeys: ['team'],
        sourceIdentity: 'alice@example.com',
      }),
    );
    assert.ok((issued.packedPolicySize ?? 0) > 0);
    assert.equal(issued.sourceIdentity, 'alice@example.com');
    const sent = server.requestsFor('AssumeRole')[0];
    assert.equal(sent.version, '2011-06-15');
    assert.equal(sent.signed, true);
    assert.equal(sent.accessKeyId, alice.accessKeyId);
    assert.equal(sent.region, 'us-east-1');
    assert.equal(sent.params.RoleArn, roles.dev);
    assert.equal(sent.params['PolicyArns.member.1.arn'], 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    assert.equal(sent.params['Tags.member.1.Key'], 'team');
    assert.equal(sent.params['TransitiveTagKeys.member.1'], 'team');
    assert.equal(sent.params.SourceIdentity, 'alice@example.com');
  });

  it('passes the MFA serial and code to AssumeRole for a role that requires MFA', async () => {
    const issued = value(
      await gatewayFor(server, alice).issue(
        { api: 'AssumeRole', roleArn: roles.admin, roleSessionName: 'admin', mfaSerial: aliceMfa.serialNumber },
        { mfaCode: aliceMfa.tokenCode },
      ),
    );
    assert.equal(issued.assumedRoleUser?.arn, `arn:aws:sts::${accounts.main}:assumed-role/Admin/admin`);
    const sent = server.requestsFor('AssumeRole')[0];
    assert.equal(sent.params.SerialNumber, aliceMfa.serialNumber);
    assert.equal(sent.params.TokenCode, '[redacted]');
  });

  it('passes the external ID for a cross-account role', async () => {
    const issued = value(
      await gatewayFor(server, alice).issue({ api: 'AssumeRole', roleArn: roles.partner, roleSessionName: 'partner', externalId: 'partner-7Hq2' }),
    );
    assert.equal(issued.assumedRoleUser?.arn, `arn:aws:sts::${accounts.partner}:assumed-role/Partner/partner`);
  });

  it('chains roles by signing with the credentials of a role session', async () => {
    const dev = value(await gatewayFor(server, alice).issue({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'dev' }));
    const chained = value(
      await gatewayFor(server, dev.credentials).issue({ api: 'AssumeRole', roleArn: roles.chained, roleSessionName: 'chained', roleChaining: true }),
    );
    assert.equal(chained.assumedRoleUser?.arn, `arn:aws:sts::${accounts.main}:assumed-role/Chained/chained`);
    assert.equal(server.requestsFor('AssumeRole')[1].hasSecurityToken, true);
  });

  it('gets a session token with MFA from GetSessionToken', async () => {
    const issued = value(
      await gatewayFor(server, alice).issue(
        { api: 'GetSessionToken', durationSeconds: 3600, mfaSerial: aliceMfa.serialNumber },
        { mfaCode: aliceMfa.tokenCode },
      ),
    );
    assert.match(issued.credentials.accessKeyId, /^ASIA/);
    assert.equal(issued.assumedRoleUser, undefined);
    const identity = value(await gatewayFor(server, issued.credentials).getCallerIdentity());
    assert.equal(identity.arn, alice.arn);
  });

  it('assumes a role with a web identity token without signing the request', async () => {
    const issued = value(
      await gatewayFor(server, undefined).issue({
        api: 'AssumeRoleWithWebIdentity',
        roleArn: roles.webApp,
        roleSessionName: 'ci',
        webIdentityToken: oidcToken({}),
      }),
    );
    assert.equal(issued.assumedRoleUser?.arn, `arn:aws:sts::${accounts.main}:assumed-role/WebApp/ci`);
    assert.equal(issued.subject, 'repo:octo/app:ref:refs/heads/main');
    assert.equal(issued.provider, 'token.actions.githubusercontent.com');
    assert.equal(issued.audience, 'sts.amazonaws.com');
    const sent = server.requestsFor('AssumeRoleWithWebIdentity')[0];
    assert.equal(sent.signed, false);
    assert.equal(sent.params.WebIdentityToken, '[redacted]');
  });

  it('reads the web identity token from a file when given one', async () => {
    const tokenFile = join(tempDir, 'token');
    await writeFile(tokenFile, `${oidcToken({ sub: 'from-file' })}\n`);
    const issued = value(
      await gatewayFor(server, undefined).issue({
        api: 'AssumeRoleWithWebIdentity',
        roleArn: roles.webApp,
        roleSessionName: 'ci',
        webIdentityTokenFile: tokenFile,
      }),
    );
    assert.equal(issued.subject, 'from-file');
  });

  it('assumes a role with a SAML assertion without signing the request', async () => {
    const issued = value(
      await gatewayFor(server, undefined).issue({
        api: 'AssumeRoleWithSAML',
        roleArn: roles.samlUser,
        principalArn: samlProvider,
        samlAssertion: samlAssertion(),
      }),
    );
    assert.equal(issued.subject, 'alice@example.com');
    assert.equal(issued.issuer, 'http://www.okta.com/exk1example');
    assert.match(issued.assumedRoleUser?.arn ?? '', /assumed-role\/SamlUser\//);
    assert.equal(server.requestsFor('AssumeRoleWithSAML')[0].signed, false);
  });

  it('gets federated user credentials from GetFederationToken', async () => {
    const issued = value(
      await gatewayFor(server, alice).issue({
        api: 'GetFederationToken',
        name: 'contractor',
        durationSeconds: 3600,
        policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      }),
    );
    assert.equal(issued.federatedUser?.arn, `arn:aws:sts::${accounts.main}:federated-user/contractor`);
    assert.equal(issued.federatedUser?.federatedUserId, `${accounts.main}:contractor`);
    assert.ok((issued.packedPolicySize ?? 0) > 0);
  });

  it('reports the caller of user and role session credentials with GetCallerIdentity', async () => {
    const user = value(await gatewayFor(server, alice).getCallerIdentity());
    assert.deepEqual({ arn: user.arn, account: user.account }, { arn: alice.arn, account: accounts.main });
    assert.match(user.userId, /^AIDA/);
    const dev = value(await gatewayFor(server, alice).issue({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'who' }));
    const session = value(await gatewayFor(server, dev.credentials).getCallerIdentity());
    assert.equal(session.arn, dev.assumedRoleUser?.arn);
    assert.equal(session.userId, dev.assumedRoleUser?.assumedRoleId);
  });

  it('decodes an authorization message with DecodeAuthorizationMessage', async () => {
    const decoded = value(await gatewayFor(server, alice).decodeAuthorizationMessage(`  ${knownAuthorizationMessage}\n`));
    assert.equal(JSON.parse(decoded.decodedMessage).context.action, 'ec2:RunInstances');
  });

  it('signs for the configured Region', async () => {
    value(await gatewayFor(server, alice, { region: 'eu-west-1' }).getCallerIdentity());
    assert.equal(server.requests[0].region, 'eu-west-1');
  });

  it('defaults to us-east-1 and names the regional endpoint of its Region', () => {
    assert.equal(new StsGateway().region, 'us-east-1');
    assert.equal(new StsGateway().endpointLabel, 'https://sts.us-east-1.amazonaws.com');
    assert.equal(new StsGateway({ region: 'eu-central-1' }).endpointLabel, 'https://sts.eu-central-1.amazonaws.com');
    assert.equal(gatewayFor(server, alice).endpointLabel, server.url);
  });

  it('refuses an invalid input before sending anything', async () => {
    const result = await gatewayFor(server, alice).issue({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'has space' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.cause, 'invalid-input');
    assert.equal(server.requests.length, 0);
  });

  it('refuses a signed operation without credentials before sending anything', async () => {
    const result = await gatewayFor(server, undefined).getCallerIdentity();
    assert.equal(!result.ok && result.error.cause, 'credentials');
    assert.equal(server.requests.length, 0);
  });

  it('reports a credentials provider failure as a credentials error without the secret it may echo', async () => {
    const gateway = gatewayFor(server, alice, {
      credentials: async () => {
        throw new Error(`credential_process printed aws_secret_access_key=${bob.secretAccessKey}`);
      },
      credentialsSource: 'profile "broken"',
    });
    const result = await gateway.getCallerIdentity();
    assert.equal(!result.ok && result.error.code, 'CredentialsUnavailable');
    assert.match(!result.ok ? result.error.message : '', /profile "broken"/);
    assert.doesNotMatch(!result.ok ? result.error.message : '', new RegExp(bob.secretAccessKey));
    assert.equal(server.requests.length, 0);
  });

  it('logs one redacted line per call', async () => {
    const lines: string[] = [];
    const gateway = gatewayFor(server, alice, { log: (line) => lines.push(line) });
    value(await gateway.issue({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'logged' }));
    await gateway.issue({ api: 'AssumeRole', roleArn: roles.admin, roleSessionName: 'no-mfa' });
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^STS AssumeRole arn:aws:iam::111122223333:role\/Dev → ok \(request [0-9a-f-]{36}\)$/);
    assert.match(lines[1], /→ AccessDenied/);
  });
});

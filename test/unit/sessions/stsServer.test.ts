import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import { alice, gatewayFor, freshServerConfig, oidcToken, roles, startServer } from './stsWorld';

/** Raw Query API calls, to check the wire format the SDK relies on. */
async function post(server: LoopbackStsServer, form: Record<string, string>): Promise<{ status: number; body: string; requestId: string | null }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: await response.text(), requestId: response.headers.get('x-amzn-requestid') };
}

describe('loopback STS server wire format', () => {
  let server: LoopbackStsServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('answers an unsigned AssumeRoleWithWebIdentity with the documented XML shape', async () => {
    const answer = await post(server, {
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: roles.webApp,
      RoleSessionName: 'raw',
      WebIdentityToken: oidcToken({}),
    });
    assert.equal(answer.status, 200);
    assert.match(answer.body, /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n  <AssumeRoleWithWebIdentityResult>/);
    assert.match(answer.body, /<Credentials>\n\s+<AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId>/);
    assert.match(answer.body, /<Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expiration>/);
    assert.match(answer.body, /<ResponseMetadata>\n\s+<RequestId>[0-9a-f-]{36}<\/RequestId>/);
    assert.ok(answer.body.includes(`<RequestId>${answer.requestId}</RequestId>`));
  });

  it('answers an unsigned AssumeRole with MissingAuthenticationToken in an ErrorResponse', async () => {
    const answer = await post(server, { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: roles.dev, RoleSessionName: 'raw' });
    assert.equal(answer.status, 403);
    assert.match(
      answer.body,
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\n  <Error>\n    <Type>Sender<\/Type>\n    <Code>MissingAuthenticationToken<\/Code>\n    <Message>[^<]+<\/Message>\n  <\/Error>\n  <RequestId>[0-9a-f-]{36}<\/RequestId>\n<\/ErrorResponse>\n$/,
    );
  });

  it('refuses an unknown version or action with InvalidAction', async () => {
    assert.match((await post(server, { Action: 'GetCallerIdentity', Version: '2010-01-01' })).body, /<Code>InvalidAction<\/Code>/);
    assert.match((await post(server, { Action: 'AssumeRoot', Version: '2011-06-15' })).body, /<Code>InvalidAction<\/Code>/);
  });

  it('validates inputs as STS does, with its ValidationError wording', async () => {
    const answer = await post(server, {
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: roles.webApp,
      RoleSessionName: 'x',
      WebIdentityToken: oidcToken({}),
    });
    assert.equal(answer.status, 400);
    assert.match(answer.body, /1 validation error detected: Value &apos;x&apos; at &apos;roleSessionName&apos; failed to satisfy constraint: Member must have length greater than or equal to 2/);
  });

  it('forces an error code with its STS status for a limited number of requests', async () => {
    server.setFault('GetCallerIdentity', { error: { code: 'RegionDisabledException' }, times: 1 });
    const gateway = gatewayFor(server, alice, { maxAttempts: 1 });
    const first = await gateway.getCallerIdentity();
    assert.equal(!first.ok && first.error.httpStatus, 403);
    assert.equal((await gateway.getCallerIdentity()).ok, true);
  });
});

describe('loopback STS server entry point', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iam-sts-main-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints STS_URL, serves the configured identities and stops on SIGTERM', async () => {
    const configPath = join(dir, 'config.json');
    await writeFile(configPath, JSON.stringify(freshServerConfig()));
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../sts-server/main.ts'), configPath, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      const match = /^STS_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      assert.ok(match, first);
      const gateway = gatewayFor({ url: match[1] } as LoopbackStsServer, alice);
      const identity = await gateway.getCallerIdentity();
      assert.equal(identity.ok && identity.value.arn, alice.arn);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    }
  });
});

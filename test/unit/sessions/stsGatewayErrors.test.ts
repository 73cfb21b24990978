import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import cases from '../../fixtures/sts/gateway-errors.json';
import { toStsCallError } from '../../../client/src/sessions/stsErrors';
import type { StsGateway } from '../../../client/src/sessions/stsGateway';
import type { StsSessionRequest, StsCallError, StsResult } from '../../../client/src/sessions/stsTypes';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import type { StsFault } from '../../sts-server/stsServerConfig';
import { alice, bob, gatewayFor, oidcToken, roles, root, samlAssertion, startServer } from './stsWorld';

interface ErrorCase {
  name: string;
  caller: 'alice' | 'bob' | 'root' | 'none' | 'unknownKey' | 'wrongSecret' | 'devSession' | 'expiredDevSession';
  operation?: 'GetCallerIdentity' | 'DecodeAuthorizationMessage';
  request?: StsSessionRequest;
  mfaCode?: string;
  encodedMessage?: string;
  region?: string;
  generatedTags?: { count: number; valueLength: number };
  oidc?: { expiresInSeconds?: number };
  saml?: { expiresInSeconds?: number };
  fault?: StsFault;
  expected: {
    code: string;
    cause: string;
    httpStatus?: number;
    messageIncludes?: string;
    awsMessageIncludes?: string;
    attempts?: number;
  };
}

function failure<T>(result: StsResult<T>): StsCallError {
  if (result.ok) {
    assert.fail('expected the call to fail');
  }
  return result.error;
}

async function callerKeys(server: LoopbackStsServer, caller: ErrorCase['caller']) {
  switch (caller) {
    case 'alice':
      return alice;
    case 'bob':
      return bob;
    case 'root':
      return root;
    case 'none':
      return undefined;
    case 'unknownKey':
      return { accessKeyId: 'AKIAUNKNOWNEXAMPLE99', secretAccessKey: alice.secretAccessKey };
    case 'wrongSecret':
      return { accessKeyId: alice.accessKeyId, secretAccessKey: `${alice.secretAccessKey.slice(0, -1)}X` };
    case 'devSession':
    case 'expiredDevSession': {
      const dev = await gatewayFor(server, alice).issue({ api: 'AssumeRole', roleArn: roles.dev, roleSessionName: 'dev', durationSeconds: 900 });
      assert.ok(dev.ok);
      if (caller === 'expiredDevSession') {
        server.setClock(() => new Date(Date.now() + 901_000));
      }
      return dev.value.credentials;
    }
  }
}

function completeRequest(testCase: ErrorCase): StsSessionRequest | undefined {
  const request = testCase.request ? { ...testCase.request } : undefined;
  if (request?.api === 'AssumeRole' && testCase.generatedTags) {
    request.tags = Array.from({ length: testCase.generatedTags.count }, (_, index) => ({
      key: `tag${index}`,
      value: 'v'.repeat(testCase.generatedTags?.valueLength ?? 0),
    }));
  }
  if (request?.api === 'AssumeRoleWithWebIdentity' && testCase.oidc) {
    request.webIdentityToken = oidcToken(testCase.oidc);
  }
  if (request?.api === 'AssumeRoleWithSAML' && testCase.saml) {
    request.samlAssertion = samlAssertion(testCase.saml);
  }
  return request;
}

async function runCase(server: LoopbackStsServer, gateway: StsGateway, testCase: ErrorCase): Promise<StsCallError> {
  const request = completeRequest(testCase);
  if (request) {
    return failure(await gateway.issue(request, { mfaCode: testCase.mfaCode }));
  }
  if (testCase.operation === 'DecodeAuthorizationMessage') {
    return failure(await gateway.decodeAuthorizationMessage(testCase.encodedMessage ?? ''));
  }
  return failure(await gateway.getCallerIdentity());
}

function actionOf(testCase: ErrorCase): string {
  return testCase.request?.api ?? testCase.operation ?? 'GetCallerIdentity';
}

describe('STS error codes through the real SDK', () => {
  let server: LoopbackStsServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  for (const testCase of cases as ErrorCase[]) {
    it(testCase.name, async () => {
      const keys = await callerKeys(server, testCase.caller);
      if (testCase.fault) {
        server.setFault(actionOf(testCase), testCase.fault);
      }
      const before = server.requestsFor(actionOf(testCase)).length;
      const gateway = gatewayFor(server, keys, { region: testCase.region });
      const error = await runCase(server, gateway, testCase);
      const { expected } = testCase;
      assert.equal(error.code, expected.code, error.message);
      assert.equal(error.cause, expected.cause);
      assert.equal(error.operation, actionOf(testCase));
      if (expected.httpStatus !== undefined) {
        assert.equal(error.httpStatus, expected.httpStatus);
      }
      if (expected.messageIncludes) {
        assert.ok(error.message.includes(expected.messageIncludes), `"${error.message}" should include "${expected.messageIncludes}"`);
      }
      if (expected.awsMessageIncludes) {
        assert.ok(error.awsMessage?.includes(expected.awsMessageIncludes), `AWS said "${error.awsMessage}"`);
      }
      if (expected.cause === 'aws') {
        assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/, 'the request id of the failed call is kept');
      }
      if (expected.attempts !== undefined) {
        assert.equal(server.requestsFor(actionOf(testCase)).length - before, expected.attempts);
      }
    });
  }
});

describe('network failures through the real SDK', () => {
  it('reports connection refused quickly when nothing listens on the endpoint', async () => {
    const server = await startServer();
    await server.stop();
    const started = Date.now();
    const error = failure(await gatewayFor(server, alice).getCallerIdentity());
    assert.equal(error.code, 'ConnectionRefused');
    assert.equal(error.cause, 'network');
    assert.ok(error.message.includes(server.url), error.message);
    assert.ok(Date.now() - started < 3_000);
  });

  it('gives up on a silent endpoint after the per-attempt timeout and the bounded retries', async () => {
    const server = await startServer();
    try {
      server.setFault('GetCallerIdentity', { delayMs: 10_000 });
      const started = Date.now();
      const error = failure(await gatewayFor(server, alice, { requestTimeoutMs: 300, maxAttempts: 2 }).getCallerIdentity());
      assert.equal(error.code, 'Timeout');
      assert.equal(error.cause, 'timeout');
      assert.match(error.message, /did not answer within 0\.3 s/);
      assert.equal(server.requestsFor('GetCallerIdentity').length, 2);
      assert.ok(Date.now() - started < 3_000, 'fails within seconds, not after the server delay');
    } finally {
      await server.stop();
    }
  });

  it('stops at the overall deadline even when single attempts may take longer', async () => {
    const server = await startServer();
    try {
      server.setFault('AssumeRole', { delayMs: 10_000 });
      const started = Date.now();
      const result = await gatewayFor(server, alice, { requestTimeoutMs: 8_000, overallTimeoutMs: 400 }).issue({
        api: 'AssumeRole',
        roleArn: roles.dev,
        roleSessionName: 'slow',
      });
      const error = failure(result);
      assert.equal(error.cause, 'timeout');
      assert.match(error.message, /within 0\.4 s/);
      assert.ok(Date.now() - started < 3_000);
    } finally {
      await server.stop();
    }
  });

  it('succeeds when a delayed answer still arrives within the timeout', async () => {
    const server = await startServer();
    try {
      server.setFault('GetCallerIdentity', { delayMs: 50, times: 1 });
      const result = await gatewayFor(server, alice, { requestTimeoutMs: 2_000 }).getCallerIdentity();
      assert.equal(result.ok, true);
    } finally {
      await server.stop();
    }
  });
});

describe('toStsCallError for failures that need no server', () => {
  const context = { operation: 'AssumeRole' as const, region: 'eu-west-1', endpoint: 'https://sts.eu-west-1.amazonaws.com' };

  it('names the host that did not resolve for a DNS failure', () => {
    const error = toStsCallError(Object.assign(new Error('getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND' }), context);
    assert.equal(error.code, 'DnsLookupFailed');
    assert.equal(error.cause, 'network');
    assert.match(error.message, /sts\.eu-west-1\.amazonaws\.com/);
  });

  it('treats a temporary DNS failure like a failed lookup', () => {
    assert.equal(toStsCallError(Object.assign(new Error('EAI_AGAIN'), { code: 'EAI_AGAIN' }), context).code, 'DnsLookupFailed');
  });

  it('explains a TLS failure as a possible intercepting proxy', () => {
    const error = toStsCallError(Object.assign(new Error('self-signed'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), context);
    assert.equal(error.code, 'TlsError');
    assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
  });

  it('keeps an unknown AWS error code and its message', () => {
    const raw = Object.assign(new Error('Something new'), { name: 'BrandNewError', $fault: 'client', $metadata: { httpStatusCode: 400, requestId: 'r-1' } });
    const error = toStsCallError(raw, context);
    assert.deepEqual([error.code, error.cause, error.requestId], ['BrandNewError', 'aws', 'r-1']);
    assert.match(error.message, /BrandNewError: Something new/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shellExportText } from '../../../client/src/sessions/exports';
import { formatCallLog, redactSecrets } from '../../../client/src/sessions/redact';
import { toStsCallError } from '../../../client/src/sessions/stsErrors';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';
import { alice, aliceMfa, gatewayFor, oidcToken, roles, startServer } from './stsWorld';

describe('redaction of a full AssumeRole flow', () => {
  it('logs no access key, secret key, session token or MFA code', async () => {
    const server = await startServer();
    const log: string[] = [];
    const writeLog = (line: string) => log.push(redactSecrets(line));
    try {
      const gateway = gatewayFor(server, alice, { log: writeLog });
      const request = { api: 'AssumeRole' as const, roleArn: roles.admin, roleSessionName: 'admin', mfaSerial: aliceMfa.serialNumber };
      const refused = await gateway.issue(request, { mfaCode: '654321' });
      assert.equal(refused.ok, false);
      if (!refused.ok) {
        writeLog(`Assume failed: ${refused.error.message} (AWS: ${refused.error.awsMessage})`);
      }
      writeLog(`MFA code ${aliceMfa.tokenCode} entered for ${aliceMfa.serialNumber}`);
      const issued = await gateway.issue(request, { mfaCode: aliceMfa.tokenCode });
      assert.ok(issued.ok);
      const session = sessionFromIssued({ request, issued: issued.value, region: 'us-east-1', usedMfa: true, now: new Date() });
      writeLog(`Session ${session.label} issued: ${JSON.stringify(session)}`);
      writeLog(shellExportText(session, 'bash'));
      const whoAmI = await gatewayFor(server, issued.value.credentials, { log: writeLog }).getCallerIdentity();
      assert.ok(whoAmI.ok);

      const text = log.join('\n');
      const secrets = [
        alice.secretAccessKey,
        alice.accessKeyId,
        issued.value.credentials.accessKeyId,
        issued.value.credentials.secretAccessKey,
        issued.value.credentials.sessionToken,
        aliceMfa.tokenCode,
        '654321',
      ];
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `the log contains ${secret.slice(0, 6)}…`);
      }
      assert.match(text, /STS AssumeRole arn:aws:iam::111122223333:role\/Admin → AccessDenied/);
      assert.match(text, /STS AssumeRole arn:aws:iam::111122223333:role\/Admin → ok \(request /);
      assert.match(text, /STS GetCallerIdentity → ok/);
      assert.ok(text.includes(`ASIA…${issued.value.credentials.accessKeyId.slice(-4)}`), 'key IDs are shortened, not dropped');
    } finally {
      await server.stop();
    }
  });
});

describe('redactSecrets', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

  it('shortens long-term and temporary access key IDs', () => {
    assert.equal(redactSecrets('key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A'), 'key AKIA…MPLE and ASIA…VV7A');
  });

  it('removes credentials-file and environment assignments', () => {
    const text = `aws_secret_access_key = ${secret}\nAWS_SESSION_TOKEN='FwoGZXIvYXdzEBY'\nexport AWS_SECRET_ACCESS_KEY=${secret}`;
    const redacted = redactSecrets(text);
    assert.doesNotMatch(redacted, /wJalr|FwoGZ/);
    assert.match(redacted, /aws_secret_access_key = \[redacted\]/);
  });

  it('removes secrets from XML answers and JSON', () => {
    const xml = `<SecretAccessKey>${secret}</SecretAccessKey><SessionToken>abc</SessionToken>`;
    assert.equal(redactSecrets(xml), '<SecretAccessKey>[redacted]</SecretAccessKey><SessionToken>[redacted]</SessionToken>');
    assert.doesNotMatch(redactSecrets(JSON.stringify({ secretAccessKey: secret, sessionToken: 'tok' })), /wJalr|tok"/);
  });

  it('removes the signature of an Authorization header and the code of a query string', () => {
    const header = 'Credential=AKIAIOSFODNN7EXAMPLE/20260301/us-east-1/sts/aws4_request, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
    assert.doesNotMatch(redactSecrets(header), /fe5f80/);
    assert.equal(redactSecrets('SerialNumber=GAHT12345678&TokenCode=123456'), 'SerialNumber=GAHT12345678&TokenCode=[redacted]');
  });

  it('removes web identity tokens and long random runs', () => {
    assert.doesNotMatch(redactSecrets(`token ${oidcToken({})}`), /eyJ/);
    assert.equal(redactSecrets(`secret ${secret} end`), 'secret [redacted] end');
  });

  it('keeps ARNs, request IDs, paths and plain sentences', () => {
    const line =
      'AssumeRole arn:aws:iam::111122223333:role/service-role/very-long-role-name-for-deployments request 0a1b2c3d-0000-4000-8000-123456789abc /home/user/projects/infrastructure/templates';
    assert.equal(redactSecrets(line), line);
  });
});

describe('redaction of the product messages', () => {
  it('leaves every STS error explanation readable', () => {
    const context = { operation: 'AssumeRole' as const, roleArn: roles.dev, region: 'eu-west-1', endpoint: 'https://sts.eu-west-1.amazonaws.com', timeoutMs: 4000 };
    const codes = [
      'AccessDenied', 'ExpiredToken', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'MalformedPolicyDocumentException',
      'PackedPolicyTooLargeException', 'RegionDisabledException', 'IDPRejectedClaimException', 'IDPCommunicationErrorException',
      'InvalidIdentityTokenException', 'ExpiredTokenException', 'InvalidAuthorizationMessageException', 'ValidationError', 'Throttling',
    ];
    for (const name of codes) {
      const raw = Object.assign(new Error('AWS says no'), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
      const message = toStsCallError(raw, context).message;
      assert.equal(redactSecrets(message), message, name);
    }
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED']) {
      const message = toStsCallError(Object.assign(new Error(code), { code }), context).message;
      assert.equal(redactSecrets(message), message, code);
    }
  });
});

describe('formatCallLog', () => {
  it('carries only the operation, role, result and request id', () => {
    assert.equal(
      formatCallLog({ operation: 'AssumeRole', roleArn: roles.dev, result: 'AccessDenied', requestId: 'abc-123' }),
      'STS AssumeRole arn:aws:iam::111122223333:role/Dev → AccessDenied (request abc-123)',
    );
    assert.equal(formatCallLog({ operation: 'GetCallerIdentity', result: 'ok' }), 'STS GetCallerIdentity → ok');
  });
});

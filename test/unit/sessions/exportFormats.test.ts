import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportText } from '../../../client/src/sessions/exports';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';

const session = sessionFromIssued({
  request: { api: 'AssumeRole', roleArn: 'arn:aws:iam::111122223333:role/Dev', roleSessionName: 'alice' },
  issued: {
    api: 'AssumeRole',
    credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: "s'e\\c\"ret", sessionToken: 'TOKEN', expiration: new Date('2026-12-01T11:00:00Z') },
    assumedRoleUser: { assumedRoleId: 'AROA:alice', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/alice' },
  },
  region: 'eu-west-1',
  usedMfa: false,
  now: new Date('2026-12-01T10:00:00Z'),
});

describe('exports in the formats tools take', () => {
  it('fish: set -gx with fish quoting', () => {
    assert.match(exportText(session, 'fish'), /^set -gx AWS_SECRET_ACCESS_KEY 's\\'e\\\\c"ret'$/m);
  });
  it('.env: NAME="value" lines with a comment saying until when', () => {
    const text = exportText(session, 'dotenv');
    assert.match(text, /^# AWS credentials of Dev \(alice\), valid until 2026-12-01T11:00:00.000Z$/m);
    assert.match(text, /^AWS_SECRET_ACCESS_KEY="s'e\\\\c\\"ret"$/m);
  });
  it('credential_process: Version 1 and the keys with Expiration', () => {
    assert.deepEqual(JSON.parse(exportText(session, 'credentialProcess')), {
      Version: 1,
      AccessKeyId: 'ASIAEXAMPLE',
      SecretAccessKey: "s'e\\c\"ret",
      SessionToken: 'TOKEN',
      Expiration: '2026-12-01T11:00:00.000Z',
    });
  });
  it('bash and PowerShell as before', () => {
    assert.match(exportText(session, 'bash'), /^export AWS_SESSION_TOKEN='TOKEN'$/m);
    assert.match(exportText(session, 'powershell'), /^\$Env:AWS_REGION = 'eu-west-1'$/m);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  revokeOlderSessionsCommand,
  revokeOlderSessionsPolicy,
  revokeOlderSessionsPolicyJson,
  revokePolicyName,
} from '../../../client/src/sessions/revokePolicy';

describe('AWSRevokeOlderSessions policy', () => {
  const revokedAt = new Date('2026-03-01T12:34:56.789Z');

  it('denies every action on every resource to tokens issued before the revocation time', () => {
    assert.deepEqual(revokeOlderSessionsPolicy(revokedAt), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: ['*'],
          Resource: ['*'],
          Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-03-01T12:34:56Z' } },
        },
      ],
    });
  });

  it('is named like the console names it', () => {
    assert.equal(revokePolicyName, 'AWSRevokeOlderSessions');
  });

  it('renders valid JSON and a put-role-policy command', () => {
    assert.deepEqual(JSON.parse(revokeOlderSessionsPolicyJson(revokedAt)), revokeOlderSessionsPolicy(revokedAt));
    const command = revokeOlderSessionsCommand('Dev', revokedAt);
    assert.match(command, /^aws iam put-role-policy --role-name Dev --policy-name AWSRevokeOlderSessions --policy-document '\{.*\}'$/);
  });
});

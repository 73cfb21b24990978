import { randomBytes } from 'node:crypto';
import { sessionFromIssued, type StsSession } from '../../../client/src/sessions/sessionRecord';
import type { IssuedSession, SessionRequest } from '../../../client/src/sessions/stsTypes';

/** Issued credentials with random values, expiring at `expiration`. */
export function issuedCredentials(expiration: Date, api: IssuedSession['api'] = 'AssumeRole'): IssuedSession {
  return {
    api,
    credentials: {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(120).toString('base64'),
      expiration,
    },
    assumedRoleUser: { assumedRoleId: 'AROAEXAMPLEROLEID0001:dev', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/dev' },
    requestId: randomBytes(8).toString('hex'),
  };
}

export const devRoleRequest: SessionRequest = {
  api: 'AssumeRole',
  roleArn: 'arn:aws:iam::111122223333:role/Dev',
  roleSessionName: 'dev',
};

export function makeSession(options: { now: number; lifetimeMs: number; request?: SessionRequest; id?: string }): StsSession {
  const request = options.request ?? devRoleRequest;
  return sessionFromIssued({
    id: options.id,
    request,
    issued: issuedCredentials(new Date(options.now + options.lifetimeMs), request.api),
    region: 'us-east-1',
    sourceProfile: 'default',
    usedMfa: 'mfaSerial' in request && request.mfaSerial !== undefined,
    now: new Date(options.now),
  });
}

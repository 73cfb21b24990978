import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionHistory, historyCsv, historyEntryOf, parseHistory } from '../../../client/src/sessions/sessionHistory';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';

const now = new Date('2026-12-01T10:00:00Z');
const session = sessionFromIssued({
  request: { api: 'AssumeRole', roleArn: 'arn:aws:iam::111122223333:role/Dev', roleSessionName: 'alice' },
  issued: {
    api: 'AssumeRole',
    credentials: { accessKeyId: 'ASIAEXAMPLEKEY00001', secretAccessKey: 'secret/KEY+value', sessionToken: 'IQoJb3JpZ2luTOKEN', expiration: new Date(now.getTime() + 3600_000) },
    assumedRoleUser: { assumedRoleId: 'AROAEXAMPLE:alice', arn: 'arn:aws:sts::111122223333:assumed-role/Dev/alice' },
  },
  region: 'eu-west-1',
  sourceProfile: 'alice',
  usedMfa: false,
  now,
});

describe('session history', () => {
  it('keeps when, API, ARN, session name, duration, profile, Region and request id, and no key or token', () => {
    const entry = historyEntryOf(session, 'issued', 'req-1');
    assert.deepEqual(entry, {
      at: '2026-12-01T10:00:00.000Z',
      event: 'issued',
      api: 'AssumeRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/Dev/alice',
      sessionName: 'alice',
      account: '111122223333',
      durationSeconds: 3600,
      sourceProfile: 'alice',
      region: 'eu-west-1',
      requestId: 'req-1',
      chainedFrom: undefined,
    });
    const text = JSON.stringify(entry) + historyCsv([entry]);
    for (const secret of ['ASIAEXAMPLEKEY00001', 'secret/KEY+value', 'IQoJb3JpZ2luTOKEN']) assert.ok(!text.includes(secret));
  });

  it('exports CSV with a header, quoting and no spreadsheet formulas', () => {
    const csv = historyCsv([{ ...historyEntryOf(session, 'issued'), sessionName: '=HYPERLINK("x")', sourceProfile: 'a,b' }]);
    const [header, row] = csv.split('\r\n');
    assert.equal(header, 'at,event,api,arn,sessionName,account,durationSeconds,sourceProfile,region,requestId,chainedFrom');
    assert.match(row, /,"'=HYPERLINK\(""x""\)",/);
    assert.match(row, /,"a,b",/);
  });

  it('is bounded: the oldest entries go first', async () => {
    let stored = '';
    const history = new SessionHistory({ read: async () => stored, write: async (text) => void (stored = text) }, 3);
    for (let index = 0; index < 5; index++) await history.record({ ...historyEntryOf(session, 'issued'), requestId: `r${index}` });
    assert.deepEqual(history.list().map((entry) => entry.requestId), ['r2', 'r3', 'r4']);
    assert.deepEqual(parseHistory(stored).map((entry) => entry.requestId), ['r2', 'r3', 'r4']);
  });

  it('drops fields a stored file holds beyond the known ones', () => {
    const parsed = parseHistory(JSON.stringify([{ ...historyEntryOf(session, 'issued'), secretAccessKey: 'leak' }]));
    assert.ok(!JSON.stringify(parsed).includes('leak'));
  });
});

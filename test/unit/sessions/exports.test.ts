import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  sessionEnvironment,
  shellExportText,
  upsertCredentialsProfile,
  validateProfileName,
  writeSessionToCredentialsFile,
} from '../../../client/src/sessions/exports';
import { makeSession } from './sessionFactory';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('session environment and shell exports', () => {
  const session = makeSession({ now, lifetimeMs: 3_600_000 });

  it('exports the five AWS variables of a session', () => {
    assert.deepEqual(sessionEnvironment(session), {
      AWS_ACCESS_KEY_ID: session.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: session.credentials.secretAccessKey,
      AWS_SESSION_TOKEN: session.credentials.sessionToken,
      AWS_REGION: 'us-east-1',
      AWS_CREDENTIAL_EXPIRATION: '2026-03-01T13:00:00.000Z',
    });
  });

  it('writes bash exports that a shell reads back unchanged, quotes included', () => {
    const tricky = { ...session, credentials: { ...session.credentials, sessionToken: "it's+/=$(rm -rf)" } };
    const script = `${shellExportText(tricky, 'bash')}printf '%s' "$AWS_SESSION_TOKEN"`;
    const output = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8', env: {} });
    assert.equal(output, "it's+/=$(rm -rf)");
  });

  it('writes PowerShell assignments with doubled single quotes', () => {
    const tricky = { ...session, credentials: { ...session.credentials, sessionToken: "a'b" } };
    const text = shellExportText(tricky, 'powershell');
    assert.match(text, /^\$Env:AWS_ACCESS_KEY_ID = 'ASIA/m);
    assert.match(text, /^\$Env:AWS_SESSION_TOKEN = 'a''b'$/m);
    assert.equal(text.trim().split('\n').length, 5);
  });
});

describe('credentials file profile', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iam-sts-exports-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const original = [
    '# my keys, do not touch',
    '[default]',
    'aws_access_key_id = AKIAEXAMPLEDEFAULT01',
    'aws_secret_access_key = defaultSecretEXAMPLE',
    '',
    '[work-session]',
    '; refreshed by hand',
    'aws_access_key_id = ASIAOLDOLDOLDOLD0001',
    'aws_secret_access_key = oldSecret',
    'aws_security_token = legacyToken',
    'region = eu-west-1',
    '',
    '[other]',
    'aws_access_key_id = AKIAEXAMPLEOTHER0001',
    'aws_secret_access_key = otherSecret',
    '',
  ].join('\n');

  const values = { aws_access_key_id: 'ASIANEW', aws_secret_access_key: 'newSecret', aws_session_token: 'newToken' };

  it('replaces the keys of an existing profile and keeps its comments and other settings', () => {
    const updated = upsertCredentialsProfile(original, 'work-session', values);
    assert.equal(
      updated,
      [
        '# my keys, do not touch',
        '[default]',
        'aws_access_key_id = AKIAEXAMPLEDEFAULT01',
        'aws_secret_access_key = defaultSecretEXAMPLE',
        '',
        '[work-session]',
        '; refreshed by hand',
        'aws_access_key_id = ASIANEW',
        'aws_secret_access_key = newSecret',
        'region = eu-west-1',
        'aws_session_token = newToken',
        '',
        '[other]',
        'aws_access_key_id = AKIAEXAMPLEOTHER0001',
        'aws_secret_access_key = otherSecret',
        '',
      ].join('\n'),
    );
  });

  it('appends a new profile after the existing ones', () => {
    const updated = upsertCredentialsProfile(original, 'new', values);
    assert.ok(updated.startsWith(original));
    assert.ok(updated.endsWith('[new]\naws_access_key_id = ASIANEW\naws_secret_access_key = newSecret\naws_session_token = newToken\n'));
  });

  it('keeps Windows line endings', () => {
    const updated = upsertCredentialsProfile(original.replace(/\n/g, '\r\n'), 'new', values);
    assert.doesNotMatch(updated.replace(/\r\n/g, ''), /\n/);
  });

  it('writes the session into the file with mode 0600', async () => {
    const file = join(dir, 'credentials');
    await writeFile(file, original, { mode: 0o644 });
    const session = makeSession({ now, lifetimeMs: 3_600_000 });
    const outcome = await writeSessionToCredentialsFile(session, 'work-session', { filePath: file });
    assert.deepEqual(outcome, { written: true, filePath: file });
    const text = await readFile(file, 'utf8');
    assert.match(text, new RegExp(`aws_session_token = ${session.credentials.sessionToken.replace(/[+/]/g, '\\$&')}`));
    assert.match(text, /# my keys, do not touch/);
    assert.match(text, /\[other\]\naws_access_key_id = AKIAEXAMPLEOTHER0001/);
    if (process.platform !== 'win32') {
      assert.equal((await stat(file)).mode & 0o777, 0o600);
    }
  });

  it('creates the file and its folder when they do not exist', async () => {
    const file = join(dir, 'fresh', '.aws', 'credentials');
    const outcome = await writeSessionToCredentialsFile(makeSession({ now, lifetimeMs: 900_000 }), 'sts', { filePath: file });
    assert.equal(outcome.written, true);
    assert.match(await readFile(file, 'utf8'), /^\[sts\]\n/);
  });

  it('refuses to overwrite a profile that holds long-term keys unless asked to', async () => {
    const file = join(dir, 'credentials-guarded');
    await writeFile(file, original);
    const session = makeSession({ now, lifetimeMs: 900_000 });
    const refused = await writeSessionToCredentialsFile(session, 'default', { filePath: file });
    assert.equal(refused.written, false);
    assert.equal(await readFile(file, 'utf8'), original);
    const forced = await writeSessionToCredentialsFile(session, 'default', { filePath: file, overwriteLongTermKeys: true });
    assert.equal(forced.written, true);
  });

  it('refuses profile names that would break the file', async () => {
    assert.match(validateProfileName('a]b') ?? '', /cannot contain/);
    assert.match(validateProfileName(' x') ?? '', /spaces/);
    assert.equal(validateProfileName('team-dev.session'), undefined);
    const outcome = await writeSessionToCredentialsFile(makeSession({ now, lifetimeMs: 900_000 }), 'bad\nname', { filePath: join(dir, 'never') });
    assert.equal(outcome.written, false);
  });
});

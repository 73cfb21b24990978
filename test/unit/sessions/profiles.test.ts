import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { assumeProfileRole, credentialsForProfile, reissueSession, type ProfileSessionOptions } from '../../../client/src/sessions/profileSessions';
import { findProfile, listProfiles, sharedConfigPaths } from '../../../client/src/sessions/profiles';
import { RefreshScheduler } from '../../../client/src/sessions/refreshScheduler';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';
import { SessionStore } from '../../../client/src/sessions/sessionStore';
import { StsGateway } from '../../../client/src/sessions/stsGateway';
import type { StsResult, StsSessionRequest } from '../../../client/src/sessions/stsTypes';
import type { LoopbackStsServer } from '../../sts-server/stsServer';
import { accounts, alice, aliceMfa, bob, oidcToken, roles, startServer } from './stsWorld';

function value<T>(result: StsResult<T>): T {
  if (!result.ok) {
    assert.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  }
  return result.value;
}

let home: string;
let server: LoopbackStsServer;
const mfaPrompts: string[] = [];

function options(overrides: Partial<ProfileSessionOptions> = {}): ProfileSessionOptions {
  return {
    askMfaCode: async (serial) => {
      mfaPrompts.push(serial);
      return aliceMfa.tokenCode;
    },
    gateway: { endpoint: server.url },
    ...overrides,
  };
}

async function writeAwsFiles(): Promise<void> {
  const aws = join(home, 'dot-aws');
  await mkdir(aws, { recursive: true });
  const processScript = join(home, 'credential-process.js');
  await writeFile(
    processScript,
    `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(bob.accessKeyId)}, SecretAccessKey: ${JSON.stringify(bob.secretAccessKey)} }));\n`,
  );
  const tokenFile = join(home, 'web-identity-token');
  await writeFile(tokenFile, oidcToken({ sub: 'repo:octo/app:environment:prod' }));
  await writeFile(
    join(aws, 'credentials'),
    [
      '# long-term keys',
      '[default]',
      `aws_access_key_id = ${alice.accessKeyId}`,
      `aws_secret_access_key = ${alice.secretAccessKey}`,
      '',
      '[bob]',
      `aws_access_key_id = ${bob.accessKeyId}`,
      `aws_secret_access_key = ${bob.secretAccessKey}`,
      '',
      '[self]',
      `aws_access_key_id = ${alice.accessKeyId}`,
      `aws_secret_access_key = ${alice.secretAccessKey}`,
      `role_arn = ${roles.dev}`,
      'source_profile = self',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(aws, 'config'),
    [
      '[default]',
      'region = eu-west-1',
      '',
      '[profile dev]',
      `role_arn = ${roles.dev}`,
      'source_profile = default',
      'role_session_name = alice-dev',
      'duration_seconds = 900',
      'region = eu-west-1',
      '',
      '[profile admin]',
      `role_arn = ${roles.admin}`,
      'source_profile = default',
      `mfa_serial = ${aliceMfa.serialNumber}`,
      '',
      '[profile partner]',
      `role_arn = ${roles.partner}`,
      'source_profile = default',
      'external_id = partner-7Hq2',
      '',
      '[profile chained]',
      `role_arn = ${roles.chained}`,
      'source_profile = dev',
      '',
      '[profile loop-a]',
      `role_arn = ${roles.dev}`,
      'source_profile = loop-b',
      '',
      '[profile loop-b]',
      `role_arn = ${roles.dev}`,
      'source_profile = loop-a',
      '',
      '[profile env-role]',
      `role_arn = ${roles.dev}`,
      'credential_source = Environment',
      '',
      '[profile sso-user]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = ReadOnly',
      'region = us-west-2',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      '',
      '[profile tool]',
      `credential_process = ${process.execPath} ${processScript}`,
      '',
      '[profile ci]',
      `role_arn = ${roles.webApp}`,
      `web_identity_token_file = ${tokenFile}`,
      '',
    ].join('\n'),
  );
  process.env.AWS_CONFIG_FILE = join(aws, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(aws, 'credentials');
}

before(async () => {
  home = await mkdtemp(join(tmpdir(), 'iam-sts-home-'));
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) {
    delete process.env[name];
  }
  process.env.HOME = home;
  await writeAwsFiles();
});

beforeEach(async () => {
  await server?.stop();
  server = await startServer();
  mfaPrompts.length = 0;
});

after(async () => {
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('listing profiles', () => {
  it('lists profiles of both files, default first, without sso-session sections', async () => {
    const names = (await listProfiles()).map((profile) => profile.name);
    assert.deepEqual(names, ['default', 'admin', 'bob', 'chained', 'ci', 'dev', 'env-role', 'loop-a', 'loop-b', 'partner', 'self', 'sso-user', 'tool']);
  });

  it('describes each kind of profile', async () => {
    const kinds = Object.fromEntries((await listProfiles()).map((profile) => [profile.name, profile.kind]));
    assert.deepEqual(
      [kinds.default, kinds.dev, kinds['env-role'], kinds['sso-user'], kinds.tool, kinds.ci, kinds.self],
      ['static-keys', 'assume-role', 'assume-role', 'sso', 'credential-process', 'web-identity', 'assume-role'],
    );
  });

  it('reads role settings, merging the default profile of both files', async () => {
    const dev = await findProfile('dev');
    assert.deepEqual(
      [dev?.roleArn, dev?.sourceProfile, dev?.roleSessionName, dev?.durationSeconds, dev?.region],
      [roles.dev, 'default', 'alice-dev', 900, 'eu-west-1'],
    );
    const admin = await findProfile('admin');
    assert.equal(admin?.mfaSerial, aliceMfa.serialNumber);
    assert.equal((await findProfile('partner'))?.externalId, 'partner-7Hq2');
    assert.equal((await findProfile('env-role'))?.credentialSource, 'Environment');
    const fallback = await findProfile('default');
    assert.deepEqual(fallback?.definedIn, ['config', 'credentials']);
    assert.equal(fallback?.region, 'eu-west-1');
  });

  it('resolves SSO settings through the named sso-session', async () => {
    const sso = await findProfile('sso-user');
    assert.deepEqual(sso?.sso, {
      session: 'corp',
      startUrl: 'https://corp.awsapps.com/start',
      region: 'us-east-1',
      accountId: '111122223333',
      roleName: 'ReadOnly',
    });
  });

  it('never exposes a secret key, only a shortened key ID', async () => {
    const text = JSON.stringify(await listProfiles());
    assert.doesNotMatch(text, new RegExp(alice.secretAccessKey));
    assert.doesNotMatch(text, new RegExp(alice.accessKeyId));
    assert.equal((await findProfile('default'))?.accessKeyIdHint, `AKIA…${alice.accessKeyId.slice(-4)}`);
  });

  it('falls back to HOME/.aws when the file variables are not set', async () => {
    const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
    delete process.env.AWS_CONFIG_FILE;
    delete process.env.AWS_SHARED_CREDENTIALS_FILE;
    try {
      await mkdir(join(home, '.aws'), { recursive: true });
      await writeFile(join(home, '.aws', 'config'), '[profile from-home]\nregion = ca-central-1\n');
      assert.equal(sharedConfigPaths().configFile, join(home, '.aws', 'config'));
      assert.deepEqual((await listProfiles()).map((profile) => profile.name), ['from-home']);
    } finally {
      process.env.AWS_CONFIG_FILE = saved.config;
      process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
    }
  });
});

describe('credentials of a profile', () => {
  async function callerOf(profile: string): Promise<string> {
    const credentials = value(await credentialsForProfile(profile, options()));
    const gateway = new StsGateway({ endpoint: server.url, credentials: credentials.provider });
    return value(await gateway.getCallerIdentity()).arn;
  }

  it('uses the static keys of a plain profile through fromIni', async () => {
    assert.equal(await callerOf('bob'), bob.arn);
  });

  it('runs the credential_process of a profile through fromIni', async () => {
    assert.equal(await callerOf('tool'), bob.arn);
  });

  it('assumes the role of a role profile through the loopback endpoint', async () => {
    assert.equal(await callerOf('dev'), `arn:aws:sts::${accounts.main}:assumed-role/Dev/alice-dev`);
  });

  it('reports an undefined profile as unavailable credentials', async () => {
    const result = await credentialsForProfile('missing', options());
    assert.equal(!result.ok && result.error.cause, 'credentials');
  });
});

describe('one-step assume of a role profile', () => {
  it('assumes role_arn with the source profile keys and the profile settings', async () => {
    const session = value(await assumeProfileRole('dev', options()));
    assert.equal(session.issued.assumedRoleUser?.arn, `arn:aws:sts::${accounts.main}:assumed-role/Dev/alice-dev`);
    assert.deepEqual([session.profile, session.sourceProfile, session.region, session.usedMfa], ['dev', 'default', 'eu-west-1', false]);
    const sent = server.requestsFor('AssumeRole');
    assert.equal(sent.length, 1);
    assert.deepEqual([sent[0].accessKeyId, sent[0].region, sent[0].params.DurationSeconds], [alice.accessKeyId, 'eu-west-1', '900']);
  });

  it('asks for the MFA code of mfa_serial once and sends it', async () => {
    const session = value(await assumeProfileRole('admin', options()));
    assert.deepEqual(mfaPrompts, [aliceMfa.serialNumber]);
    assert.equal(session.usedMfa, true);
    assert.equal(server.requestsFor('AssumeRole')[0].params.SerialNumber, aliceMfa.serialNumber);
  });

  it('sends nothing when the MFA prompt is cancelled', async () => {
    const result = await assumeProfileRole('admin', options({ askMfaCode: async () => undefined }));
    assert.equal(!result.ok && result.error.cause, 'invalid-input');
    assert.equal(server.requests.length, 0);
  });

  it('sends the external_id of the profile', async () => {
    value(await assumeProfileRole('partner', options()));
    assert.equal(server.requestsFor('AssumeRole')[0].params.ExternalId, 'partner-7Hq2');
  });

  it('chains through a source profile that is itself a role profile', async () => {
    const session = value(await assumeProfileRole('chained', options()));
    assert.equal(session.request.api === 'AssumeRole' && session.request.roleChaining, true);
    const sent = server.requestsFor('AssumeRole');
    assert.deepEqual(sent.map((request) => request.params.RoleArn), [roles.dev, roles.chained]);
    assert.equal(sent[1].hasSecurityToken, true);
  });

  it('uses the keys of a profile that names itself as source_profile', async () => {
    const session = value(await assumeProfileRole('self', options()));
    assert.match(session.issued.assumedRoleUser?.arn ?? '', /assumed-role\/Dev\/iam-sts-studio-\d+$/);
  });

  it('uses environment credentials for credential_source = Environment', async () => {
    process.env.AWS_ACCESS_KEY_ID = alice.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = alice.secretAccessKey;
    try {
      value(await assumeProfileRole('env-role', options()));
      assert.equal(server.requestsFor('AssumeRole')[0].accessKeyId, alice.accessKeyId);
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });

  it('assumes a web identity profile with its token file, unsigned', async () => {
    const session = value(await assumeProfileRole('ci', options()));
    assert.equal(session.issued.subject, 'repo:octo/app:environment:prod');
    assert.equal(server.requestsFor('AssumeRoleWithWebIdentity')[0].signed, false);
  });

  it('refuses a source_profile loop without calling STS', async () => {
    const result = await assumeProfileRole('loop-a', options());
    assert.match(!result.ok ? result.error.message : '', /loops or is too long/);
    assert.equal(server.requests.length, 0);
  });

  it('refuses a profile that does not describe a role', async () => {
    const result = await assumeProfileRole('bob', options());
    assert.match(!result.ok ? result.error.message : '', /does not describe a role/);
  });
});

describe('refreshing profile sessions', () => {
  it('re-issues a role profile session with fresh source credentials', async () => {
    const first = value(await assumeProfileRole('admin', options()));
    const again = value(await reissueSession(first, '123456', options()));
    assert.notEqual(again.credentials.accessKeyId, first.issued.credentials.accessKeyId);
    assert.equal(server.requestsFor('AssumeRole').length, 2);
  });

  it('re-issues a session signed by a named source profile', async () => {
    const result = await reissueSession(
      { request: { api: 'GetSessionToken', durationSeconds: 900 }, sourceProfile: 'bob', region: 'us-east-1', endpoint: server.url },
      undefined,
      options(),
    );
    assert.match(value(result).credentials.accessKeyId, /^ASIA/);
    assert.equal(server.requestsFor('GetSessionToken')[0].accessKeyId, bob.accessKeyId);
  });

  it('refreshes a stored profile session end to end through the scheduler, asking for the MFA code once', async () => {
    const assumed = value(await assumeProfileRole('admin', options()));
    const store = new SessionStore();
    const session = store.add(
      sessionFromIssued({ ...assumed, now: new Date() }),
    );
    const prompts: string[] = [];
    const scheduler = new RefreshScheduler({
      store,
      reissue: (stored, code) => reissueSession(stored as typeof stored & { request: StsSessionRequest }, code, options()),
      askMfaCode: async (stored) => {
        prompts.push(stored.id);
        return aliceMfa.tokenCode;
      },
    });
    assert.equal(await scheduler.refreshNow(session.id), 'refreshed');
    assert.deepEqual(prompts, [session.id]);
    assert.notEqual(store.get(session.id)?.credentials.accessKeyId, session.credentials.accessKeyId);
    assert.equal(server.requestsFor('AssumeRole').length, 2);
    scheduler.dispose();
  });
});

// Fixtures of the STS end-to-end tests: the loopback STS server (test/sts-server, loaded
// through tsx so the test can move its clock and read what it issued) and a temporary HOME
// with ~/.aws/config and ~/.aws/credentials whose keys that server knows.
import { mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { root } from '../../scripts/real-vscode.mjs';

export const serverConfigPath = path.join(root, 'test', 'fixtures', 'sts', 'server-config.json');
export const devRoleArn = 'arn:aws:iam::111122223333:role/Dev';

/**
 * Starts the loopback STS server on 127.0.0.1. Its clock is real time plus `offsetMs`, so a test
 * decides how long an issued session has left: a server one hour minus five minutes behind issues
 * one-hour sessions that expire five minutes from now.
 */
export async function startLoopbackSts() {
  const { LoopbackStsServer } = await tsImport('../sts-server/stsServer.ts', import.meta.url);
  const config = JSON.parse(readFileSync(serverConfigPath, 'utf8'));
  let offsetMs = 0;
  const server = await LoopbackStsServer.start(config, { now: () => new Date(Date.now() + offsetMs) });
  return {
    server,
    url: server.url,
    config,
    /** Sessions issued from now on expire `secondsLeft` seconds after they are issued (one-hour sessions). */
    issueSessionsLasting(secondsLeft, sessionSeconds = 3600) {
      offsetMs = -(sessionSeconds - secondsLeft) * 1000;
    },
    /** Every secret the server handed out or knows: access key ids, secret keys, session tokens. */
    secrets() {
      const values = [];
      for (const identity of config.identities) values.push(identity.accessKeyId, identity.secretAccessKey);
      // `issued` is private to the TypeScript class; tests may look.
      for (const [accessKeyId, issued] of server.issued) {
        values.push(accessKeyId, issued.caller.secretAccessKey, issued.sessionToken);
      }
      // IAM Identity Center: client secrets, device codes, access, refresh and sign-in tokens.
      values.push(...server.identityCenter.secrets());
      return values;
    },
    stop: () => server.stop(),
  };
}

/**
 * A HOME with ~/.aws files: `alice` and `bob` hold the loopback server's user keys; the role
 * profiles assume the Dev role in one step (bob is not trusted by it).
 */
export function writeAwsHome(home, config) {
  const keysOf = (name) => config.identities.find((identity) => identity.arn.endsWith(`:user/${name}`));
  const alice = keysOf('alice');
  const bob = keysOf('bob');
  const awsDir = path.join(home, '.aws');
  mkdirSync(awsDir, { recursive: true });
  const credentialsFile = path.join(awsDir, 'credentials');
  const configFile = path.join(awsDir, 'config');
  writeFileSync(
    credentialsFile,
    [
      '[alice]',
      `aws_access_key_id = ${alice.accessKeyId}`,
      `aws_secret_access_key = ${alice.secretAccessKey}`,
      '',
      '[bob]',
      `aws_access_key_id = ${bob.accessKeyId}`,
      `aws_secret_access_key = ${bob.secretAccessKey}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  writeFileSync(
    configFile,
    [
      '[profile team-dev]',
      `role_arn = ${devRoleArn}`,
      'source_profile = alice',
      'role_session_name = e2e-dev',
      '',
      '[profile short-lived]',
      `role_arn = ${devRoleArn}`,
      'source_profile = alice',
      'role_session_name = e2e-brief',
      '',
      '[profile untrusted]',
      `role_arn = ${devRoleArn}`,
      'source_profile = bob',
      'role_session_name = e2e-denied',
      '',
    ].join('\n'),
  );
  return { HOME: home, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile };
}

/** Resolves once `predicate` holds, woken by changes in `dir`. */
export function untilInDir(dir, predicate, what, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const watcher = watch(dir, () => {
      if (!predicate()) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
  });
}

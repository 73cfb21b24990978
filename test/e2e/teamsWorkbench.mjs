// The workbench the IAM Identity Center end-to-end tests share: a loopback STS (with SSO OIDC,
// portal and federation endpoints), a HOME whose ~/.aws/config has an sso-session and a profile
// that uses it (as `aws configure sso` writes them), and VS Code started with every endpoint
// setting pointing at that server. URLs the extension would open in a browser are written to a
// file by the extension's test hook instead; `openedUrls` and `until` read it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VsCodeSession } from './harness.mjs';
import { startLoopbackSts, untilInDir, writeAwsHome } from './stsFixtures.mjs';

export const startUrl = 'https://d-9067example.awsapps.com/start';
export const chainedRoleArn = 'arn:aws:iam::111122223333:role/Chained';

/** Starts the servers and VS Code; `stop()` ends both and removes the HOME. */
export async function startTeamsWorkbench(name) {
  const sts = await startLoopbackSts();
  const home = mkdtempSync(path.join(os.tmpdir(), `iamsts-e2e-${name}-`));
  const env = writeAwsHome(home, sts.config);
  writeFileSync(
    env.AWS_CONFIG_FILE,
    `${readFileSync(env.AWS_CONFIG_FILE, 'utf8')}\n[sso-session team]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n[profile team-sso]\nsso_session = team\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n`,
  );
  const openedFile = path.join(home, 'opened-urls.txt');
  let vscode;
  try {
    vscode = await VsCodeSession.start({
      name,
      env: { ...env, IAMSTS_TEST_OPEN_EXTERNAL_FILE: openedFile },
      settings: {
        'iamSts.stsEndpoint': sts.url,
        'iamSts.ssoOidcEndpoint': sts.url,
        'iamSts.ssoPortalEndpoint': sts.url,
        'iamSts.federationEndpoint': sts.url,
        'iamSts.sessions.autoRefresh': false,
      },
    });
  } catch (error) {
    await sts.stop();
    rmSync(home, { recursive: true, force: true });
    throw error;
  }

  /** Lines the extension handed to the browser (the test hook in place of vscode.env.openExternal). */
  const openedUrls = () => (existsSync(openedFile) ? readFileSync(openedFile, 'utf8').split('\n').filter(Boolean) : []);

  return {
    sts,
    home,
    vscode,
    openedFile,
    openedUrls,
    /** Resolves once `predicate` holds, woken by changes in `dir` (by default HOME, where the hook's file is). */
    until: (predicate, what, { dir = home, timeoutMs = 30_000 } = {}) => untilInDir(dir, predicate, what, timeoutMs),
    async stop() {
      await vscode?.stop();
      await sts.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

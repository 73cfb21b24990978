// Every STS command of the Sessions view not driven end to end elsewhere, the way a user runs it
// in the real VS Code against the loopback STS server: Get Session Token with MFA, Web Identity,
// SAML, Federation Token, Who Am I, Decode Authorization Message, Refresh, Copy Exports, Open
// Terminal with Session (its environment read back through the terminal) and Write Session to
// Profile, each with a screenshot.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';
import { stsUi } from './stsUi.mjs';
import { startLoopbackSts, untilInDir, writeAwsHome } from './stsFixtures.mjs';

const aliceMfa = 'arn:aws:iam::111122223333:mfa/alice';
const webAppRoleArn = 'arn:aws:iam::111122223333:role/WebApp';
const samlRoleArn = 'arn:aws:iam::111122223333:role/SamlUser';

let vscode;
let sts;
let home;
let openedFile; // where the test hook writes URLs the browser would open
const { quickInput, sidebarRows, sessionRow, toast, runExactCommand, pickQuickItem, typeIntoInput, showSessionsView, getSessionTokenWithMfa } = stsUi(() => vscode);

before(async () => {
  sts = await startLoopbackSts();
  home = mkdtempSync(path.join(os.tmpdir(), 'iamsts-e2e-commands-'));
  const env = writeAwsHome(home, sts.config);
  openedFile = path.join(home, 'opened-urls.txt');
  vscode = await VsCodeSession.start({
    name: 'sts-commands',
    env: { ...env, IAMSTS_TEST_OPEN_EXTERNAL_FILE: openedFile },
    settings: { 'iamSts.stsEndpoint': sts.url, 'iamSts.sessions.autoRefresh': false },
  });
  await vscode.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: vscode.server.url });
});

after(async () => {
  await vscode?.stop();
  await sts?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** An OIDC ID token the loopback server accepts (it reads the claims, it does not verify the signature). */
function oidcToken() {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:octo/app:ref:refs/heads/main', aud: 'sts.amazonaws.com', exp: Math.floor(Date.now() / 1000) + 600 };
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.${createHash('sha256').update(JSON.stringify(payload)).digest('base64url')}`;
}

function samlResponse() {
  const notOnOrAfter = new Date(Date.now() + 300_000).toISOString();
  const xml =
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">' +
    '<saml:Issuer>http://www.okta.com/exk1example</saml:Issuer><saml:Assertion>' +
    `<saml:Subject><saml:NameID>alice@example.com</saml:NameID><saml:SubjectConfirmation><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}"/></saml:SubjectConfirmation></saml:Subject>` +
    '</saml:Assertion></samlp:Response>';
  return Buffer.from(xml).toString('base64');
}




/** Lines the extension handed to the browser (the test hook in place of vscode.env.openExternal). */
function openedUrls() {
  return existsSync(openedFile) ? readFileSync(openedFile, 'utf8').split('\n').filter(Boolean) : [];
}

/** Resolves once `predicate` holds, woken by changes in the folder of the test hook's file. */
const until = (predicate, what, timeoutMs) => untilInDir(path.dirname(openedFile), predicate, what, timeoutMs);

test('Get Session Token with MFA: asks for the device and the code, and the session shows MFA', async () => {
  await showSessionsView();
  await vscode.orScreenshot('gst-mfa', async () => {
    await getSessionTokenWithMfa('alice', aliceMfa);
  });
  const request = sts.server.requestsFor('GetSessionToken').at(-1);
  assert.equal(request.params.SerialNumber, aliceMfa);
  assert.equal(request.params.TokenCode, '[redacted]');
  assert.match(await sessionRow('session token (alice) with MFA').innerText(), /GetSessionToken/);
  await vscode.screenshot('get-session-token-mfa');
});

test('Assume Role with Web Identity: a pasted OIDC token, sent unsigned', async () => {
  await vscode.orScreenshot('web-identity', async () => {
    await runExactCommand('IAM STS: Assume Role with Web Identity…');
    await typeIntoInput('role', webAppRoleArn);
    await pickQuickItem('token', 'Paste', 'Paste the token');
    await typeIntoInput('token', oidcToken());
    await typeIntoInput('session name', 'e2e-web');
    await pickQuickItem('duration', '1 hour');
    await sessionRow('WebApp (e2e-web)').waitFor({ timeout: 30_000 });
  });
  const request = sts.server.requestsFor('AssumeRoleWithWebIdentity').at(-1);
  assert.equal(request.signed, false);
  assert.equal(request.params.WebIdentityToken, '[redacted]');
  await vscode.screenshot('web-identity');
});

test('Assume Role with SAML: a SAML response from a file', async () => {
  const file = path.join(vscode.workspace, 'saml-response.txt');
  writeFileSync(file, samlResponse());
  await vscode.orScreenshot('saml', async () => {
    await runExactCommand('IAM STS: Assume Role with SAML…');
    await typeIntoInput('role', samlRoleArn);
    await typeIntoInput('SAML provider', 'arn:aws:iam::111122223333:saml-provider/Okta');
    // The browser-based VS Code asks for the file in its own quick input.
    // Once it lists the workspace folder, a click on the file's row picks it.
    const fileRow = quickInput().locator('.monaco-list-row', { hasText: 'saml-response.txt' }).first();
    await fileRow.waitFor();
    await fileRow.click();
    await pickQuickItem('duration', '1 hour');
    await sidebarRows().filter({ hasText: 'SamlUser' }).first().waitFor({ timeout: 30_000 });
  });
  assert.equal(sts.server.requestsFor('AssumeRoleWithSAML').at(-1).params.PrincipalArn, 'arn:aws:iam::111122223333:saml-provider/Okta');
  await vscode.screenshot('saml');
});

test('Get Federation Token: a named federated user without a session policy', async () => {
  await vscode.orScreenshot('federation-token', async () => {
    await runExactCommand('IAM STS: Get Federation Token…');
    await pickQuickItem('IAM user credentials', 'alice');
    await typeIntoInput('name', 'ci-bot');
    await pickQuickItem('duration', '1 hour');
    await pickQuickItem('session policy', 'No session policy');
    await typeIntoInput('session tags', '');
    await sessionRow('federated user ci-bot').waitFor({ timeout: 30_000 });
  });
  await vscode.screenshot('federation-token');
});

test('Who Am I: the ARN of the credentials picked', async () => {
  await vscode.orScreenshot('who-am-i', async () => {
    await runExactCommand('IAM STS: Who Am I');
    await pickQuickItem('Who Am I', 'bob');
    await toast('profile "bob" is arn:aws:iam::111122223333:user/bob').waitFor({ timeout: 30_000 });
  });
  await vscode.screenshot('who-am-i');
});

test('Decode Authorization Message: the decoded JSON opens in an editor', async () => {
  await vscode.orScreenshot('decode', async () => {
    await runExactCommand('IAM STS: Decode Authorization Message');
    await typeIntoInput('Decode Authorization Message', 'encoded-EXAMPLE-message-0001');
    await pickQuickItem('sts:DecodeAuthorizationMessage', 'alice');
    await vscode.page.locator('.editor-instance .view-lines', { hasText: 'ec2:RunInstances' }).first().waitFor({ timeout: 30_000 });
  });
  await vscode.screenshot('decode-authorization-message');
});

async function pickSession(command, label) {
  await runExactCommand(command);
  await pickQuickItem('Pick a session', label);
}

test('Refresh: the session is issued again by its source profile', async () => {
  const before = sts.server.requestsFor('GetFederationToken').length;
  await vscode.orScreenshot('refresh', async () => {
    await pickSession('IAM STS: Refresh Session', 'federated user ci-bot');
    await toast('federated user ci-bot refreshed').waitFor({ timeout: 30_000 });
  });
  assert.equal(sts.server.requestsFor('GetFederationToken').length, before + 1);
  await vscode.screenshot('refresh');
});

test('Copy Exports: bash lines with the session on the clipboard', async () => {
  await vscode.orScreenshot('copy-exports', async () => {
    await pickSession('IAM STS: Copy Credentials as Environment Exports', 'WebApp (e2e-web)');
    await pickQuickItem('Copy Credentials as', 'bash', 'bash / zsh');
    await toast('copied to the clipboard').waitFor({ timeout: 30_000 });
  });
  const copied = await vscode.page.evaluate(() => navigator.clipboard.readText());
  const issued = [...sts.server.issued.entries()].find(([, value]) => value.caller.arn.includes('assumed-role/WebApp/e2e-web'));
  assert.ok(issued, 'the server issued the web identity session');
  assert.match(copied, new RegExp(`^export AWS_ACCESS_KEY_ID='${issued[0]}'$`, 'm'));
  assert.match(copied, /^export AWS_SESSION_TOKEN='.+'$/m);
  await vscode.screenshot('copy-exports');
});

test('Open Terminal with Session: the terminal environment holds the session', async () => {
  const out = path.join(home, 'terminal-env.txt');
  await vscode.orScreenshot('terminal', async () => {
    await pickSession('IAM STS: Open Terminal with Session', 'WebApp (e2e-web)');
    await vscode.page.locator('.terminal-tab, .single-terminal-tab, .tabs-list .monaco-list-row', { hasText: 'AWS WebApp (e2e-web)' }).first().waitFor({ timeout: 30_000 });
    // Typed into the terminal's input; the shell reads it once it has started.
    const input = vscode.page.locator('.part.panel .xterm-helper-textarea').first();
    await input.waitFor({ state: 'attached' });
    await input.focus();
    await vscode.page.keyboard.type(`printf '%s|%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_REGION" > ${out}\n`);
    await untilInDir(home, () => existsSync(out) && readFileSync(out, 'utf8').includes('|'), 'the terminal to write its environment');
  });
  const [keyId, region] = readFileSync(out, 'utf8').trim().split('|');
  const issued = [...sts.server.issued.entries()].find(([, value]) => value.caller.arn.includes('assumed-role/WebApp/e2e-web'));
  assert.equal(keyId, issued[0]);
  assert.equal(region, 'us-east-1');
  rmSync(out);
  await vscode.screenshot('terminal-with-session');
});

test('Write Session to Profile: after confirmation, the profile holds the session', async () => {
  await vscode.orScreenshot('write-profile', async () => {
    await pickSession('IAM STS: Write Session to Profile', 'WebApp (e2e-web)');
    await typeIntoInput('Write Session to Profile', 'e2e-written');
    const dialog = vscode.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await vscode.screenshot('write-profile-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Write Credentials' }).click();
    await toast('profile [e2e-written] now holds').waitFor({ timeout: 30_000 });
  });
  const credentials = readFileSync(path.join(home, '.aws', 'credentials'), 'utf8');
  const issued = [...sts.server.issued.entries()].find(([, value]) => value.caller.arn.includes('assumed-role/WebApp/e2e-web'));
  assert.match(credentials, new RegExp(`\\[e2e-written\\]\\naws_access_key_id = ${issued[0]}\\n`));
  assert.match(credentials, /\[alice\]/, 'other profiles are kept');
});

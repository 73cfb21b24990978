import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ssoProfileText, writeSsoProfile } from '../../../client/src/identityCenter/ssoProfileWriter';

const request = { api: 'GetRoleCredentials' as const, accountId: '111122223333', roleName: 'ReadOnly', startUrl: 'https://d-1.awsapps.com/start', ssoRegion: 'us-east-1' };

describe('SSO profile in ~/.aws/config', () => {
  it('names the sso-session when there is one, else the legacy start URL and Region', () => {
    assert.equal(ssoProfileText('ro', { ...request, ssoSession: 'team' }, 'eu-west-1'), '[profile ro]\nsso_session = team\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n');
    assert.match(ssoProfileText('ro', request, 'eu-west-1'), /sso_start_url = https:\/\/d-1\.awsapps\.com\/start\nsso_region = us-east-1\n/);
  });

  it('appends the profile, keeps the others, and never changes an existing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iamsts-config-'));
    const file = join(dir, 'config');
    await writeFile(file, '[profile dev]\nregion = us-east-1\n');
    assert.deepEqual(await writeSsoProfile('ro', request, 'eu-west-1', file), { written: true, filePath: file });
    const text = await readFile(file, 'utf8');
    assert.match(text, /^\[profile dev\]\nregion = us-east-1\n\n\[profile ro\]\n/);
    const again = await writeSsoProfile('dev', request, 'eu-west-1', file);
    assert.equal(again.written, false);
    assert.equal(await readFile(file, 'utf8'), text);
    await rm(dir, { recursive: true, force: true });
  });
});

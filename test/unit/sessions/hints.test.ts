import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import regions from '../../../client/src/sessions/data/regions.json';
import { hintFor, isOptInRegion, regionName, version1TokenWarning } from '../../../client/src/sessions/hints';
import { sessionFromIssued } from '../../../client/src/sessions/sessionRecord';
import { StsGateway } from '../../../client/src/sessions/stsGateway';
import { LoopbackStsServer } from '../../sts-server/stsServer';
import { alice, freshServerConfig, roles } from './stsWorld';

// Version-1 tokens of the global endpoint are not valid in opt-in Regions:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html

/** The Regions of the aws partition in the SDK's own endpoint data (a JSON object in a module). */
function sdkRegionCodes(): string[] {
  const sdkCore = dirname(createRequire(__filename).resolve('@aws-sdk/core/package.json'));
  const text = readFileSync(join(sdkCore, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'), 'utf8');
  const info = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { partitions: Array<{ id: string; regions: Record<string, unknown> }> };
  return Object.keys(info.partitions.find((partition) => partition.id === 'aws')?.regions ?? {}).filter((code) => code !== 'aws-global');
}

describe('the opt-in Regions are data, checked against the SDK', () => {
  const sdkRegions = sdkRegionCodes();
  it('reads the SDK\'s Region list', () => assert.ok(sdkRegions.length >= 30 && sdkRegions.includes('us-east-1')));
  it('every Region of the aws partition the SDK knows is either enabled by default or listed as opt-in', () => {
    const known = new Set([...regions.enabledByDefault, ...Object.keys(regions.optIn)]);
    assert.deepEqual(sdkRegions.filter((code) => !known.has(code)), [], 'a Region the SDK knows is missing from client/src/sessions/data/regions.json');
  });
  it('no Region is both, and the default ones are the seventeen launched before 20 March 2019', () => {
    assert.equal(regions.enabledByDefault.length, 17);
    assert.deepEqual(regions.enabledByDefault.filter((code) => code in regions.optIn), []);
  });
  it('names Hong Kong, the opt-in Region the IAM API reference cites, and knows Taipei; Osaka and Ohio are not opt-in', () => {
    assert.ok(isOptInRegion('ap-east-1'));
    assert.equal(regionName('ap-east-1'), 'Asia Pacific (Hong Kong)');
    assert.ok(isOptInRegion('ap-east-2'));
    assert.ok(!isOptInRegion('ap-northeast-3'));
    assert.ok(!isOptInRegion('us-east-2'));
  });
});

describe('hints for a failed call with a session', () => {
  const global = { endpoint: 'https://sts.amazonaws.com', region: 'us-east-1' };
  it('says version-1 tokens of the global endpoint do not work in an opt-in Region, offers the regional endpoint and version-2 tokens', () => {
    const hint = hintFor({ code: 'InvalidClientTokenId' }, global, 'ap-east-1', true);
    assert.equal(hint?.kind, 'regionalEndpoint');
    assert.equal(hint?.kind === 'regionalEndpoint' && hint.endpoint, 'https://sts.us-east-1.amazonaws.com');
    assert.match(hint?.message ?? '', /version-1 tokens are not valid in ap-east-1 \(Asia Pacific \(Hong Kong\), a Region you opt in to\)/);
    assert.match(hint?.message ?? '', /https:\/\/sts\.us-east-1\.amazonaws\.com/);
    assert.match(hint?.message ?? '', /set-security-token-service-preferences --global-endpoint-token-version v2Token/);
  });
  it('is silent when the hint is off, the Region is enabled by default, or the session came from a regional endpoint', () => {
    assert.equal(hintFor({ code: 'AuthFailure' }, global, 'ap-east-1', false), undefined);
    assert.equal(hintFor({ code: 'AuthFailure' }, global, 'eu-west-1', true), undefined);
    assert.equal(hintFor({ code: 'AuthFailure' }, { endpoint: 'https://sts.eu-west-1.amazonaws.com', region: 'eu-west-1' }, 'ap-east-1', true), undefined);
  });
  it('offers a refresh for ExpiredToken', () => {
    assert.equal(hintFor({ code: 'ExpiredToken' }, { endpoint: undefined, region: 'us-east-1' }, 'us-east-1', false)?.kind, 'refresh');
  });
});

describe('before a global-endpoint session goes to a terminal or a file with an opt-in AWS_REGION', () => {
  it('warns and offers the regional endpoint of that Region', () => {
    const hint = version1TokenWarning({ endpoint: 'https://sts.amazonaws.com', region: 'me-central-1', api: 'AssumeRole' }, true);
    assert.equal(hint?.kind === 'regionalEndpoint' && hint.endpoint, 'https://sts.me-central-1.amazonaws.com');
    assert.match(hint?.message ?? '', /AWS_REGION is me-central-1 but the session will likely be refused there/);
  });
  it('is silent for a Region enabled by default, a regional or custom endpoint, Identity Center credentials, or with hints off', () => {
    assert.equal(version1TokenWarning({ endpoint: 'https://sts.amazonaws.com', region: 'eu-west-1', api: 'AssumeRole' }, true), undefined);
    assert.equal(version1TokenWarning({ endpoint: undefined, region: 'me-central-1', api: 'AssumeRole' }, true), undefined);
    assert.equal(version1TokenWarning({ endpoint: 'https://sts.amazonaws.com', region: 'me-central-1', api: 'GetRoleCredentials' }, true), undefined);
    assert.equal(version1TokenWarning({ endpoint: 'https://sts.amazonaws.com', region: 'me-central-1', api: 'AssumeRole' }, false), undefined);
  });
});

describe('a version-1 token refused in an opt-in Region, against the loopback STS server', () => {
  let server: LoopbackStsServer;
  before(async () => {
    // The loopback server plays the global endpoint: its session tokens are version 1.
    server = await LoopbackStsServer.start({ ...freshServerConfig(), version1TokensRefusedIn: ['ap-east-1'] });
  });
  after(() => server.stop());

  it('a session used in ap-east-1 gets the documented InvalidClientTokenId, and the hint names the cause', async () => {
    const keys = { accessKeyId: alice.accessKeyId, secretAccessKey: alice.secretAccessKey };
    const issuer = new StsGateway({ endpoint: server.url, region: 'us-east-1', credentials: async () => keys });
    const request = { api: 'AssumeRole' as const, roleArn: roles.dev, roleSessionName: 'v1-token' };
    const issued = await issuer.issue(request);
    assert.ok(issued.ok);
    // As recorded when the settings name the global endpoint.
    const session = sessionFromIssued({ request, issued: issued.value, region: 'us-east-1', endpoint: 'https://sts.amazonaws.com', sourceProfile: 'alice', usedMfa: false, now: new Date() });
    const { accessKeyId, secretAccessKey, sessionToken } = session.credentials;
    const signedFor = (region: string) => new StsGateway({ endpoint: server.url, region, credentials: async () => ({ accessKeyId, secretAccessKey, sessionToken }) });
    assert.ok((await signedFor('us-east-1').getCallerIdentity()).ok, 'valid in a Region enabled by default');
    const refused = await signedFor('ap-east-1').getCallerIdentity();
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'InvalidClientTokenId');
    const hint = hintFor(refused.error, session, 'ap-east-1', true);
    assert.equal(hint?.kind, 'regionalEndpoint');
    assert.match(hint?.message ?? '', /version-1 tokens are not valid in ap-east-1/);
  });
});

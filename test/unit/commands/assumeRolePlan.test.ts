import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildAssumeRoleRequest,
  describeSourceChoice,
  isOneStepRoleProfile,
  optionalInputChoices,
  roleArnChoices,
  sourceChoices,
} from '../../../client/src/commands/assumeRolePlan';
import type { ProfileSummary } from '../../../client/src/sessions/profiles';

function profile(overrides: Partial<ProfileSummary> & Pick<ProfileSummary, 'name' | 'kind'>): ProfileSummary {
  return { definedIn: ['config'], hasStaticKeys: false, hasSessionToken: false, ...overrides };
}

const alice = profile({ name: 'alice', kind: 'static-keys', hasStaticKeys: true, accessKeyIdHint: 'AKIA…0001', mfaSerial: 'arn:aws:iam::111122223333:mfa/alice' });
const dev = profile({ name: 'dev', kind: 'assume-role', roleArn: 'arn:aws:iam::111122223333:role/Dev', sourceProfile: 'alice' });
const regionOnly = profile({ name: 'settings', kind: 'settings-only', region: 'eu-west-3' });

describe('sourceChoices', () => {
  it('offers role profiles for one step, other profiles as signers, then the default chain; not settings-only profiles', () => {
    assert.deepEqual(
      sourceChoices([alice, dev, regionOnly]).map((choice) => (choice.kind === 'defaultChain' ? choice.kind : `${choice.kind}:${choice.profile.name}`)),
      ['sourceProfile:alice', 'roleProfile:dev', 'defaultChain'],
    );
  });

  it('treats role_arn with a source as one step, keys alone as a signer', () => {
    assert.equal(isOneStepRoleProfile(dev), true);
    assert.equal(isOneStepRoleProfile(alice), false);
  });

  it('describes a signer by its shortened key id only', () => {
    const text = describeSourceChoice({ kind: 'sourceProfile', profile: alice });
    assert.deepEqual(text, { label: 'alice', description: 'access keys AKIA…0001' });
    assert.match(describeSourceChoice({ kind: 'roleProfile', profile: dev }).detail ?? '', /in one step via alice/);
  });
});

describe('optionalInputChoices', () => {
  it("preselects MFA and External ID when the profile names them", () => {
    const picked = (p: ProfileSummary | undefined) => optionalInputChoices(p, false).filter((choice) => choice.picked).map((choice) => choice.input);
    assert.deepEqual(picked(alice), ['mfa']);
    assert.deepEqual(picked({ ...alice, externalId: 'partner-7Hq2' }), ['externalId', 'mfa']);
    assert.deepEqual(picked(undefined), []);
  });
});

describe('roleArnChoices', () => {
  it("lists the profile's role, recent roles without duplicates, then typing one", () => {
    const choices = roleArnChoices(dev, ['arn:aws:iam::111122223333:role/Dev', 'arn:aws:iam::444455556666:role/Partner']);
    assert.deepEqual(
      choices.map((choice) => choice.roleArn ?? choice.label),
      ['arn:aws:iam::111122223333:role/Dev', 'arn:aws:iam::444455556666:role/Partner', 'Enter a role ARN…'],
    );
  });
});

describe('buildAssumeRoleRequest', () => {
  it('leaves out optional inputs that were not given', () => {
    assert.deepEqual(buildAssumeRoleRequest({ roleArn: ' arn:aws:iam::111122223333:role/Dev ', roleSessionName: 'alice', durationSeconds: 900, tags: [], externalId: '' }), {
      api: 'AssumeRole',
      roleArn: 'arn:aws:iam::111122223333:role/Dev',
      roleSessionName: 'alice',
      durationSeconds: 900,
    });
  });

  it('carries every input that was given', () => {
    const request = buildAssumeRoleRequest({
      roleArn: 'arn:aws:iam::444455556666:role/Partner',
      roleSessionName: 'alice',
      externalId: 'partner-7Hq2',
      mfaSerial: 'arn:aws:iam::111122223333:mfa/alice',
      policy: '{}',
      tags: [{ key: 'Project', value: 'blue' }],
      sourceIdentity: 'alice',
      roleChaining: true,
    });
    assert.equal(request.externalId, 'partner-7Hq2');
    assert.equal(request.mfaSerial, 'arn:aws:iam::111122223333:mfa/alice');
    assert.equal(request.policy, '{}');
    assert.deepEqual(request.tags, [{ key: 'Project', value: 'blue' }]);
    assert.equal(request.sourceIdentity, 'alice');
    assert.equal(request.roleChaining, true);
  });
});

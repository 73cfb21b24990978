// The service authorization reference, loaded once and answered synchronously.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { GLOBAL_KEY_DOCS, globalKeyDescription } from '../../../server/src/data/globalKeyDocs';
import { findingDocUrl, OUR_CHECKS } from '../../../server/src/lint/findingDocs';
import { LINT_RULES } from '../../../server/src/lint/registry';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

test('loading twice shares one promise', () => {
  assert.equal(loadIamData(), loadIamData());
});

test('looks up services and actions case-insensitively', () => {
  assert.ok(data.serviceExists('S3'));
  assert.equal(data.serviceName('s3'), 'Amazon S3');
  const action = data.action('S3:getobject');
  assert.equal(action?.name, 'GetObject');
  assert.equal(action?.accessLevel, 'Read');
  assert.ok(action?.resourceTypes.some((r) => r.name === 'object'));
  assert.equal(data.actionExists('s3:NoSuchThing'), false);
});

test('expands wildcard action patterns across services', () => {
  const gets = data.actionsMatching('iam:Get*');
  assert.ok(gets.length > 10 && gets.every((a) => a.service === 'iam' && a.name.startsWith('Get')));
  assert.equal(data.actionsMatching('*').length, data.allActionCount);
  assert.ok(data.actionsMatching('s3*:Get*').some((a) => a.service === 's3'));
  assert.deepEqual(data.actionsMatching('nosuchservice:*'), []);
});

test('resolves global, service, templated and federation condition keys', () => {
  assert.equal(data.conditionKey('aws:SourceIp')?.type, 'IPAddress');
  assert.equal(data.conditionKey('aws:PrincipalTag/team')?.scope, 'global');
  assert.equal(data.conditionKey('s3:ExistingObjectTag/owner')?.service, 's3');
  assert.equal(data.conditionKey('saml:aud')?.type, 'String');
  assert.equal(data.conditionKey('aws:NoSuchKey'), undefined);
  assert.ok(data.isFederationKeyPrefix('token.actions.githubusercontent.com'));
  assert.equal(data.isFederationKeyPrefix('nosuchservice'), false);
});

test('knows resource type ARN patterns and the reference page of a service', () => {
  assert.ok(data.resourceTypes('iam').some((t) => t.key === 'role' && t.arn.includes(':role/')));
  assert.equal(data.service('iam')?.authorizationReferenceUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html');
});

test('suggests the closest action and service for typos', () => {
  assert.equal(data.closestAction('s3:GetObjekt'), 's3:GetObject');
  assert.equal(data.closestService('ec3'), 'ec2');
  assert.equal(data.closestAction('s3:CompletelyDifferentWords'), undefined);
});

test('every aws: global key in the data has a short description', () => {
  const missing = data.globalConditionKeys().filter((k) => !globalKeyDescription(k.key.replace('${TagKey}', 'x')));
  assert.deepEqual(missing.map((k) => k.key), []);
  assert.ok(Object.values(GLOBAL_KEY_DOCS).every((d) => d.length > 0 && d.length <= 140));
});

test('every rule code has a documentation link: Access Analyzer anchors for its codes, the README for ours', () => {
  for (const rule of LINT_RULES) assert.ok(findingDocUrl(rule.code), rule.code);
  assert.equal(
    findingDocUrl('PASS_ROLE_WITH_STAR_IN_RESOURCE'),
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource',
  );
  assert.equal(findingDocUrl('MISSING_VERSION')?.endsWith('#access-analyzer-reference-policy-checks-general-warning-missing-version'), true);
  assert.equal(findingDocUrl('MISSING_MFA_FOR_HUMAN_PRINCIPAL', 'https://x/README.md'), 'https://x/README.md#check-missing_mfa_for_human_principal');
  assert.equal(findingDocUrl('MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html');
  for (const code of Object.keys(OUR_CHECKS)) assert.ok(LINT_RULES.some((r) => r.code === code && r.type === OUR_CHECKS[code].type), code);
  assert.equal(findingDocUrl('NOT_A_CODE'), undefined);
});

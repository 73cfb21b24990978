import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import requestCases from '../../fixtures/sts/session-requests.json';
import cases from '../../fixtures/sts/validation.json';
import type { IssuingApi, SessionTag, StsSessionRequest } from '../../../client/src/sessions/stsTypes';
import * as validation from '../../../client/src/sessions/validation';

/** Values too long to write out in the fixture are described there and built here. */
type ValueSpec =
  | string
  | number
  | string[]
  | SessionTag[]
  | { repeat: string; times: number }
  | { policyArns: number }
  | { tags: number }
  | { policyOfLength: number };

function build(spec: ValueSpec): unknown {
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    return spec;
  }
  if ('repeat' in spec) {
    return spec.repeat.repeat(spec.times);
  }
  if ('policyArns' in spec) {
    return Array.from({ length: spec.policyArns }, (_, index) => `arn:aws:iam::111122223333:policy/Session${index}`);
  }
  if ('tags' in spec) {
    return Array.from({ length: spec.tags }, (_, index) => ({ key: `key${index}`, value: `value${index}` }));
  }
  const skeleton = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::"}],"Id":""}';
  return skeleton.replace('"Id":""', `"Id":"${'x'.repeat(spec.policyOfLength - skeleton.length)}"`);
}

interface ValidationCase {
  name: string;
  validator: string;
  value: ValueSpec;
  api?: string;
  context?: validation.DurationContext;
  tags?: SessionTag[];
  expected: string;
  reasonIncludes?: string;
}

function run(testCase: ValidationCase): string | undefined {
  const value = build(testCase.value);
  switch (testCase.validator) {
    case 'roleArn': return validation.validateRoleArn(value as string);
    case 'roleSessionName': return validation.validateRoleSessionName(value as string);
    case 'sourceIdentity': return validation.validateSourceIdentity(value as string);
    case 'externalId': return validation.validateExternalId(value as string);
    case 'federationName': return validation.validateFederationName(value as string);
    case 'mfaCode': return validation.validateMfaCode(value as string);
    case 'mfaSerial': return validation.validateMfaSerial(value as string);
    case 'policyArn': return validation.validatePolicyArn(value as string);
    case 'policyArns': return validation.validatePolicyArns(value as string[]);
    case 'sessionPolicy': return validation.validateSessionPolicy(value as string);
    case 'tags': return validation.validateTags(value as SessionTag[]);
    case 'tagKey': return validation.validateTagKey(value as string);
    case 'tagValue': return validation.validateTagValue(value as string);
    case 'transitiveTagKeys': return validation.validateTransitiveTagKeys(value as string[], testCase.tags);
    case 'duration': return validation.validateDurationSeconds(testCase.api as IssuingApi, value as number, testCase.context);
    case 'webIdentityToken': return validation.validateWebIdentityToken(value as string);
    case 'samlAssertion': return validation.validateSamlAssertion(value as string);
    case 'samlProviderArn': return validation.validateSamlProviderArn(value as string);
    case 'encodedMessage': return validation.validateEncodedAuthorizationMessage(value as string);
    default: throw new Error(`unknown validator ${testCase.validator} in the fixture`);
  }
}

function check(reason: string | undefined, expected: string, reasonIncludes: string | undefined): void {
  if (expected === 'accepted') {
    assert.equal(reason, undefined);
    return;
  }
  assert.equal(typeof reason, 'string', 'expected a reason for refusing');
  if (reasonIncludes) {
    assert.ok(reason?.includes(reasonIncludes), `"${reason}" should mention "${reasonIncludes}"`);
  }
}

describe('input validators', () => {
  for (const testCase of cases as ValidationCase[]) {
    it(testCase.name, () => check(run(testCase), testCase.expected, testCase.reasonIncludes));
  }

  it('builds the policies of the length the fixture asks for', () => {
    assert.equal((build({ policyOfLength: 2048 }) as string).length, 2048);
  });
});

describe('validateSessionRequest', () => {
  for (const testCase of requestCases as Array<{ name: string; request: StsSessionRequest; mfaCode?: string; expected: string; reasonIncludes?: string }>) {
    it(testCase.name, () =>
      check(validation.validateSessionRequest(testCase.request, testCase.mfaCode), testCase.expected, testCase.reasonIncludes),
    );
  }
});

// "Simulate Request…" on the server: what a policy prefills, and how each kind of policy is used.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../../../server/src/engine';
import { ASSUMED_IDENTITY_LABEL, policySetFor, simulationDefaults } from '../../../server/src/features/simulationRequest';
import { parsePolicyText } from '../../../server/src/policy/parse';
import { explanationText } from '../../../server/src/scenarioWorkspace';

const model = (statements: object[]) => parsePolicyText(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)).model!;
const request = { principal: 'arn:aws:iam::111122223333:role/Dev', action: 'ec2:RunInstances', resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1' };

describe('simulationDefaults', () => {
  it('lists the actions, resources and principals in the order the policy names them, once each', () => {
    const m = model([
      { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::444455556666:role/A', '444455556666'] }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
    ]);
    assert.deepEqual(simulationDefaults(m, 'resource'), {
      kind: 'resource',
      actions: ['s3:GetObject', 's3:ListBucket'],
      resources: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b'],
      principals: ['arn:aws:iam::444455556666:role/A', '444455556666', '*'],
    });
  });
});

describe('policySetFor', () => {
  const deny = model([{ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoEc2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' }]);
  const allowS3 = model([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);

  it('evaluates an identity policy alone', () => {
    const { set, role, assumptions } = policySetFor({ model: allowS3, label: 'p.json' }, 'identity');
    assert.equal(role, 'identity policy');
    assert.deepEqual(assumptions, []);
    assert.equal(evaluate(request, set).decision, 'implicitDeny');
  });

  it('evaluates an SCP beside an identity policy assumed to allow everything, and says so', () => {
    const { set, assumptions } = policySetFor({ model: deny, label: 'scp.json' }, 'scp');
    const result = evaluate(request, set);
    assert.equal(result.decision, 'explicitDeny');
    assert.match(assumptions[0], /assumed to allow everything/);
    assert.equal(evaluate({ ...request, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, set).decision, 'allowed');
  });

  it('locates only the open policy: the assumed identity policy has no file', () => {
    const { set } = policySetFor({ model: allowS3, label: 'boundary.json' }, 'boundary');
    const result = evaluate(request, set);
    assert.equal(result.decision, 'implicitDeny');
    const text = explanationText(request, result.decision, result.explanation, (ref) => (ref.label === 'boundary.json' ? { file: 'boundary.json', model: allowS3 } : undefined));
    assert.equal(text.missingAllow?.file, 'boundary.json');
    assert.ok(text.details.some((l) => l.startsWith(`${ASSUMED_IDENTITY_LABEL} (identity policy): allows`)), text.details.join('\n'));
  });

  it('uses a trust policy as the role\'s resource policy', () => {
    const trust = model([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Dev' }, Action: 'sts:AssumeRole' }]);
    const { set, role } = policySetFor({ model: trust, label: 'trust.json' }, 'trust');
    assert.equal(role, 'role trust policy');
    assert.equal(evaluate({ ...request, action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/Target' }, set).decision, 'allowed');
  });
});

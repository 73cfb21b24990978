// "Simulate Request…" inputs: context pairs and the defaults prefilled from the policy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatContextPairs, parseContextPairs } from '../../../client/src/simulation/contextPairs';
import { defaultInputs } from '../../../client/src/simulation/requestDefaults';

describe('parseContextPairs', () => {
  it('reads key=value pairs separated by commas or semicolons', () => {
    assert.deepEqual(parseContextPairs('aws:SourceIp=10.1.2.3; aws:SecureTransport=true,  s3:prefix=home/'), {
      context: { 'aws:SourceIp': '10.1.2.3', 'aws:SecureTransport': 'true', 's3:prefix': 'home/' },
    });
  });

  it('makes a list of a key given twice, in any case', () => {
    assert.deepEqual(parseContextPairs('aws:TagKeys=team, AWS:tagkeys=env').context, { 'aws:TagKeys': ['team', 'env'] });
  });

  it('accepts an empty input and keeps = inside values', () => {
    assert.deepEqual(parseContextPairs('  ').context, {});
    assert.deepEqual(parseContextPairs('aws:userid=AROA:a=b').context, { 'aws:userid': 'AROA:a=b' });
  });

  it('says what is wrong with a pair that is not key=value or a key that is not service:Name', () => {
    assert.match(parseContextPairs('aws:SourceIp').error ?? '', /is not key=value/);
    assert.match(parseContextPairs('SourceIp=1.2.3.4').error ?? '', /is not a condition key/);
  });

  it('formats a context back into the text it reads', () => {
    const context = { 'aws:TagKeys': ['team', 'env'], 'aws:SecureTransport': 'true' };
    assert.equal(formatContextPairs(context), 'aws:TagKeys=team, aws:TagKeys=env, aws:SecureTransport=true');
    assert.deepEqual(parseContextPairs(formatContextPairs(context)).context, context);
  });
});

describe('defaultInputs', () => {
  it('prefills the first concrete action and resource of the policy', () => {
    const inputs = defaultInputs({ kind: 'identity', actions: ['s3:*', 's3:GetObject'], resources: ['arn:aws:s3:::app-data', 'arn:aws:s3:::app-data/*'], principals: [] });
    assert.deepEqual(inputs, { action: 's3:GetObject', resource: 'arn:aws:s3:::app-data', principal: 'arn:aws:iam::111122223333:role/Example' });
  });

  it('turns a resource pattern into one resource, and takes the account from it', () => {
    const inputs = defaultInputs({ kind: 'identity', actions: ['ec2:*'], resources: ['arn:aws:ec2:*:444455556666:instance/*'], principals: [] });
    assert.deepEqual(inputs, { action: 'ec2:*', resource: 'arn:aws:ec2:example:444455556666:instance/example', principal: 'arn:aws:iam::444455556666:role/Example' });
  });

  it('asks as the principal a resource policy names, or as a role of the account it names', () => {
    assert.equal(defaultInputs({ kind: 'resource', actions: [], resources: [], principals: ['*', 'arn:aws:iam::444455556666:role/Auditor'] }).principal, 'arn:aws:iam::444455556666:role/Auditor');
    assert.equal(defaultInputs({ kind: 'trust', actions: [], resources: [], principals: ['arn:aws:iam::999988887777:root'] }).principal, 'arn:aws:iam::999988887777:role/Example');
    assert.equal(defaultInputs({ kind: 'trust', actions: [], resources: [], principals: ['ec2.amazonaws.com'] }).principal, 'ec2.amazonaws.com');
  });

  it('falls back to a plain request when the policy names nothing', () => {
    assert.deepEqual(defaultInputs(null), { action: 's3:GetObject', resource: '*', principal: 'arn:aws:iam::111122223333:role/Example' });
  });
});

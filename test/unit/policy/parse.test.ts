import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_NESTING, MAX_SYNTAX_ERRORS, parsePolicyText } from '../../../server/src/policy/parse';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": "arn:aws:s3:::app-data/*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["a", "b"] } }
    },
    { "Effect": "Deny", "Principal": { "AWS": ["111122223333"] }, "NotAction": "iam:*", "Resource": "*" }
  ]
}`;

test('builds a model with the value and source range of every element', () => {
  const { model, syntaxErrors } = parsePolicyText(policy);
  assert.equal(syntaxErrors.length, 0);
  assert.ok(model);
  assert.equal(model.version?.value, '2012-10-17');
  assert.equal(model.statements.length, 2);
  const [read, deny] = model.statements;
  assert.equal(read.sid?.value, 'Read');
  assert.deepEqual(read.action?.values.map((v) => v.text), ['s3:GetObject', 's3:ListBucket']);
  const second = read.action!.values[1];
  assert.equal(policy.slice(second.range.start, second.range.end), '"s3:ListBucket"');
  assert.equal(read.resource?.isArray, false);
  const entry = read.condition!.entries[0];
  assert.equal(entry.operator.value, 'StringEquals');
  assert.equal(entry.key.value, 'aws:PrincipalTag/team');
  assert.deepEqual(entry.values.map((v) => v.text), ['a', 'b']);
  assert.equal(deny.principal?.entries[0].kind, 'AWS');
  assert.equal(deny.principal?.entries[0].value.text, '111122223333');
  assert.deepEqual(deny.notAction?.values.map((v) => v.text), ['iam:*']);
});

test('accepts a single statement object as well as an array', () => {
  const { model } = parsePolicyText('{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}');
  assert.equal(model?.statementIsArray, false);
  assert.equal(model?.statements.length, 1);
});

test('treats JSON without a top-level Statement as not a policy', () => {
  assert.equal(parsePolicyText('{"name": "x", "version": "1.0.0"}').model, undefined);
  assert.equal(parsePolicyText('[{"Statement": []}]').model, undefined);
  assert.equal(parsePolicyText('{"Policy": {"Statement": []}}').model, undefined);
});

test('reports malformed JSON with a message and a range, and still models what it can', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow" "Action": "s3:*"}]}';
  const { model, syntaxErrors } = parsePolicyText(text);
  assert.ok(syntaxErrors.length > 0);
  assert.match(syntaxErrors[0].message, /comma is expected/);
  assert.equal(text.slice(syntaxErrors[0].range.start, syntaxErrors[0].range.end), '"Action"');
  assert.equal(model?.statements[0].effect?.value, 'Allow');
});

test('gives an empty file a syntax error, not an exception', () => {
  const { model, syntaxErrors } = parsePolicyText('');
  assert.equal(model, undefined);
  assert.equal(syntaxErrors.length, 1);
  assert.match(syntaxErrors[0].message, /value is expected/);
});

test('accepts comments (jsonc) without losing elements', () => {
  const { model, syntaxErrors } = parsePolicyText('{ // note\n "Statement": [ /* a */ {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}');
  assert.equal(syntaxErrors.length, 0);
  assert.equal(model?.statements[0].action?.values[0].text, 's3:*');
});

test('refuses pathologically deep nesting with a clear error instead of recursing', () => {
  const depth = 5000;
  const text = `{"Statement": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const { model, syntaxErrors } = parsePolicyText(text);
  assert.equal(model, undefined);
  assert.ok(syntaxErrors.some((e) => e.message.includes(`deeper than ${MAX_NESTING}`)));
});

test('parses a huge number without an exception, as a number', () => {
  const { model } = parsePolicyText('{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": 1e400}}}]}');
  const v = model!.statements[0].condition!.entries[0].values[0];
  assert.equal(v.jsonType, 'number');
  assert.equal(v.text, 'Infinity');
});

test('keeps both entries of a duplicated key so checks can see them', () => {
  const { model } = parsePolicyText('{"Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}]}');
  assert.deepEqual(model!.statements[0].keys.map((k) => k.value), ['Effect', 'Effect', 'Action', 'Resource']);
});

test('reports the first syntax errors and a summary, and builds no policy, when recovery would invent the structure', () => {
  // 10 KB of an unquoted policy variable (the fuzzer's slowest input): thousands of errors.
  const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal"${'${aws:username}'.repeat(667)}}]}`;
  const { model, syntaxErrors } = parsePolicyText(text);
  assert.equal(model, undefined);
  assert.equal(syntaxErrors.length, MAX_SYNTAX_ERRORS + 1);
  const summary = syntaxErrors[MAX_SYNTAX_ERRORS];
  assert.match(summary.message, /^\d+ more syntax errors from here on\. The document is not checked as a policy until there are at most 100\.$/);
  assert.ok(summary.range.start >= syntaxErrors[MAX_SYNTAX_ERRORS - 1].range.start && summary.range.end <= text.length);
});

test('still models a policy with a few syntax errors', () => {
  const { model, syntaxErrors } = parsePolicyText('{"Statement": [{"Effect": "Allow" "Action": "s3:*", "Resource": "*"},]}');
  assert.ok(syntaxErrors.length > 0 && syntaxErrors.length <= MAX_SYNTAX_ERRORS);
  assert.equal(model?.statements.length, 1);
});

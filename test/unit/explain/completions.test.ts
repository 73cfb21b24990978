// Completion candidates: kind-aware elements, actions by service, operators and condition keys.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { completionsAt } from '../../../server/src/explain/completions';
import type { DocumentKind } from '../../../server/src/policy/model';
import { parsePolicyText } from '../../../server/src/policy/parse';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

/** Completion at the `|` in `text`. */
function complete(textWithCursor: string, kind: DocumentKind = 'identity') {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const parsed = parsePolicyText(text);
  assert.ok(parsed.model, 'not a policy');
  return completionsAt({ text, offset, root: parsed.root, model: parsed.model, kind, data });
}

const labels = (r: ReturnType<typeof complete>) => r?.items.map((i) => i.label) ?? [];

test('statement elements follow the document kind and skip those present', () => {
  const identity = labels(complete('{"Statement": [{"Effect": "Allow", "|"}]}'));
  assert.ok(identity.includes('Action') && identity.includes('Resource') && identity.includes('Condition'));
  assert.ok(!identity.includes('Principal') && !identity.includes('Effect'));
  const trust = labels(complete('{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "|"}]}', 'trust'));
  assert.ok(trust.includes('Principal'));
  assert.ok(!trust.includes('Resource') && !trust.includes('NotAction') && !trust.includes('Action'));
});

test('an element name comes with a value placeholder unless a colon follows', () => {
  const bare = complete('{"Statement": [{"Effect": "Allow", "Con|"}]}')!;
  const condition = bare.items.find((i) => i.label === 'Condition')!;
  assert.equal(condition.snippet, '"Condition": { "$1": { "$2": "$3" } }');
  assert.equal(condition.filterText, '"Condition');
  const existing = complete('{"Statement": [{"Eff|": "Allow"}]}')!;
  assert.equal(existing.items.find((i) => i.label === 'Effect')!.snippet, '"Effect"');
});

test('Effect and Version values', () => {
  assert.deepEqual(labels(complete('{"Statement": [{"Effect": "|"}]}')), ['Allow', 'Deny']);
  assert.deepEqual(labels(complete('{"Version": "|", "Statement": []}')), ['2012-10-17', '2008-10-17']);
});

test('service prefixes first, then the service\'s actions with their access level', () => {
  const services = complete('{"Statement": [{"Action": "s|"}]}')!;
  const s3 = services.items.find((i) => i.label === 's3')!;
  assert.equal(s3.kind, 'service');
  assert.equal(s3.snippet, '"s3:$1"');
  assert.equal(s3.retrigger, true);
  const actions = complete('{"Statement": [{"Action": ["s3:|"]}]}')!;
  const get = actions.items.find((i) => i.label === 's3:GetObject')!;
  assert.equal(get.detail, 'Read');
  assert.equal(get.filterText, '"s3:GetObject');
  assert.equal(actions.items.length, data.service('s3')!.actions.length + 1);
  assert.ok(actions.items.every((i) => i.label.startsWith('s3:')));
});

test('condition operators with IfExists and set-qualifier variants; Null has none', () => {
  const ops = labels(complete('{"Statement": [{"Condition": {"|"}}]}'));
  for (const op of ['StringEquals', 'StringLikeIfExists', 'ForAnyValue:StringLike', 'ForAllValues:StringEqualsIfExists', 'Null']) assert.ok(ops.includes(op), op);
  assert.ok(!ops.includes('NullIfExists') && !ops.includes('ForAnyValue:Null'));
});

test('condition keys of the statement\'s actions first, then global keys', () => {
  const r = complete('{"Statement": [{"Action": ["s3:GetObject"], "Condition": {"StringEquals": {"|"}}}]}')!;
  const keys = labels(r);
  assert.ok(keys.includes('s3:TlsVersion'));
  assert.ok(keys.includes('aws:PrincipalOrgID'));
  assert.ok(!keys.includes('ec2:InstanceType'));
  const tls = r.items.find((i) => i.label === 's3:TlsVersion')!;
  const org = r.items.find((i) => i.label === 'aws:PrincipalOrgID')!;
  assert.ok(tls.sortText! < org.sortText!);
  assert.equal(org.detail, 'String');
  const tag = r.items.find((i) => i.label === 'aws:RequestTag/${TagKey}')!;
  assert.equal(tag.snippet, '"aws:RequestTag/${1:TagKey}": "$2"');
});

test('a trust statement offers its identity provider\'s claim keys', () => {
  const text = '{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"|"}}}]}';
  const keys = labels(complete(text, 'trust'));
  assert.ok(keys.includes('token.actions.githubusercontent.com:sub'));
  assert.ok(keys.includes('token.actions.githubusercontent.com:aud'));
});

test('service principals for Principal.Service', () => {
  const r = complete('{"Statement": [{"Principal": {"Service": "|"}}]}', 'trust')!;
  assert.ok(labels(r).includes('lambda.amazonaws.com'));
  assert.ok(r.items.every((i) => i.label.endsWith('.amazonaws.com')));
});

test('offers nothing inside a Sid or outside the policy grammar', () => {
  assert.equal(complete('{"Statement": [{"Sid": "|"}]}'), undefined);
  assert.equal(complete('{"Statement": [], "Other": {"Action": "|"}}'), undefined);
});

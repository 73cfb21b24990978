// Hover texts: actions, wildcards, keys, operators, elements, principals and ARNs.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { explainAt } from '../../../server/src/explain/hover';
import { parsePolicyText } from '../../../server/src/policy/parse';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

function hoverOn(text: string, word: string): string | undefined {
  const root = parsePolicyText(text).root!;
  return explainAt(root, text.indexOf(word) + 1, data)?.markdown;
}

const identity = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 'iam:Get*', 's3:GetObjekt'],
      NotResource: 'arn:aws:s3:::my-bucket/reports/*',
      Condition: { 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': ['team'] }, Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 's3:prefix': 'home/' } },
    },
  ],
});

test('an action shows its description, access level, resource types, keys and reference page', () => {
  const md = hoverOn(identity, 's3:GetObject')!;
  assert.match(md, /\*\*s3:GetObject\*\* — Amazon S3/);
  assert.match(md, /Grants permission to retrieve objects/);
  assert.match(md, /Access level: \*\*Read\*\*/);
  assert.match(md, /Resource types: .*`object`/);
  assert.match(md, /Condition keys: .*`s3:TlsVersion`/);
  assert.match(md, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
});

test('a wildcard action counts its matches per access level', () => {
  const md = hoverOn(identity, 'iam:Get*')!;
  const total = data.actionsMatching('iam:Get*').length;
  assert.match(md, new RegExp(`matches \\*\\*${total}\\*\\* actions in AWS Identity and Access Management`));
  assert.match(md, /\| Read \| \d+ \|/);
});

test('an unknown action suggests the closest one', () => {
  assert.match(hoverOn(identity, 's3:GetObjekt')!, /not an action of Amazon S3\. Did you mean `s3:GetObject`\?/);
});

test('condition operators explain ForAllValues and IfExists', () => {
  const md = hoverOn(identity, 'ForAllValues')!;
  assert.match(md, /String condition operator/);
  assert.match(md, /`ForAllValues:` — .*\*\*every\*\* value/);
  assert.match(md, /`IfExists` — when the key is \*\*absent\*\*/);
});

test('global keys have the project\'s description and their type; service keys the reference\'s', () => {
  const tags = hoverOn(identity, 'aws:TagKeys')!;
  assert.match(tags, /global condition key/);
  assert.match(tags, /Type: `ArrayOfString` \(multivalued/);
  const tls = hoverOn(identity, 'aws:SecureTransport')!;
  assert.match(tls, /Whether the request was sent over TLS/);
  assert.match(tls, /Type: `Bool`/);
  assert.match(hoverOn(identity, 's3:prefix')!, /Type: `String`/);
});

test('elements are explained, with the AWS page', () => {
  assert.match(hoverOn(identity, '"NotResource"')!, /\*\*except\*\*.*reference_policies_elements_notresource\.html/s);
  assert.match(hoverOn(identity, '"Version"')!, /policy variables/);
});

test('an ARN is split into its named parts and matched to a resource type', () => {
  const md = hoverOn(identity, 'arn:aws:s3')!;
  assert.match(md, /Amazon S3 `object`/);
  assert.match(md, /\| partition \| `aws` \|/);
  assert.match(md, /\| region \| _\(empty\)_/);
  assert.match(md, /\| resource \| `my-bucket\/reports\/\*` \|/);
});

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: ['123456789012', 'arn:aws:iam::123456789012:role/Deployer', 'arn:aws:sts::123456789012:assumed-role/Admin/alice'] }, Action: 'sts:AssumeRole' },
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
    { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' },
    { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
  ],
});

test('principals say what they let in', () => {
  assert.match(hoverOn(trust, '"123456789012"')!, /AWS account `123456789012`\*\* — a bare account ID means the same as its `:root` ARN/);
  assert.match(hoverOn(trust, 'arn:aws:iam::123456789012:role')!, /IAM role\*\* `role\/Deployer`/);
  assert.match(hoverOn(trust, 'arn:aws:sts')!, /Role session\*\* — the session `alice` of role `Admin`/);
  assert.match(hoverOn(trust, 'lambda.amazonaws.com')!, /Service principal\*\* `lambda\.amazonaws\.com` — AWS Lambda/);
  assert.match(hoverOn(trust, 'arn:aws:iam::123456789012:oidc')!, /OIDC identity provider\*\* `token\.actions\.githubusercontent\.com`.*GitHub Actions/);
  assert.match(hoverOn(trust, 'arn:aws:iam::123456789012:saml')!, /SAML identity provider\*\* `Okta`/);
  assert.match(hoverOn(trust, '"*"')!, /\*\*Everyone\*\*/);
});

test('says nothing outside policy elements', () => {
  const text = '{"Statement": [], "Other": {"Action": "s3:GetObject"}}';
  assert.equal(hoverOn(text, 's3:GetObject'), undefined);
});

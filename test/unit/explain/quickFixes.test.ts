// Quick-fix edits: written in the document's own layout, merged into existing conditions, and
// the placeholder selected.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { applyEdits, fixesFor, type FixPlan } from '../../../server/src/explain/quickFixes';
import type { FixData } from '../../../server/src/lint/types';
import { analyzePolicyText } from '../../../server/src/analysis/analyzePolicy';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

async function lint(text: string) {
  return analyzePolicyText(text, { kind: () => 'trust', lint: { data, ownAccounts: [] } });
}

/** Applies the first fix for the finding `code` and returns the new text, the plan and the later codes. */
async function applyFix(text: string, code: string, pick = 0): Promise<{ text: string; plan: FixPlan; codes: string[] }> {
  const before = await lint(text);
  const problem = before.problems.find((p) => p.code === code);
  assert.ok(problem, `no ${code} in ${before.problems.map((p) => p.code).join(', ')}`);
  const plans = fixesFor({ text, model: before.model!, range: problem.range, data: problem.data as FixData });
  const plan = plans[pick];
  assert.ok(plan, `no fix for ${code}`);
  const after = applyEdits(text, plan.edits);
  assert.doesNotThrow(() => JSON.parse(after), after);
  return { text: after, plan, codes: (await lint(after)).problems.map((p) => p.code) };
}

const vendor = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::444455556666:root" },
            "Action": "sts:AssumeRole"
        }
    ]
}
`;

test('adds an sts:ExternalId condition in the document\'s indentation and selects the placeholder', async () => {
  const { text, plan, codes } = await applyFix(vendor, 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL');
  assert.equal(
    text,
    vendor.replace(
      '"Action": "sts:AssumeRole"\n',
      '"Action": "sts:AssumeRole",\n            "Condition": {\n                "StringEquals": {\n                    "sts:ExternalId": "EXTERNAL_ID"\n                }\n            }\n',
    ),
  );
  assert.equal(text.slice(plan.select!.start, plan.select!.end), 'EXTERNAL_ID');
  assert.ok(!codes.includes('MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'));
});

test('offers to mark the account as own, as a client action without edits', async () => {
  const before = await lint(vendor);
  const problem = before.problems.find((p) => p.code === 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL')!;
  const plans = fixesFor({ text: vendor, model: before.model!, range: problem.range, data: problem.data as FixData });
  assert.deepEqual(plans[1].clientAction, { action: 'addOwnAccount', account: '444455556666' });
  assert.deepEqual(plans[1].edits, []);
});

test('merges into an existing Condition: MFA first, then the external ID', async () => {
  const mfa = await applyFix(vendor, 'MISSING_MFA_FOR_HUMAN_PRINCIPAL');
  assert.match(mfa.text, /"Bool": \{\n {20}"aws:MultiFactorAuthPresent": "true"\n {16}\}/);
  assert.equal(mfa.plan.select, undefined);
  assert.ok(!mfa.codes.includes('MISSING_MFA_FOR_HUMAN_PRINCIPAL'));
  const both = await applyFix(mfa.text, 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL');
  assert.match(both.text, /"Bool": \{\n {20}"aws:MultiFactorAuthPresent": "true"\n {16}\},\n {16}"StringEquals": \{\n {20}"sts:ExternalId": "EXTERNAL_ID"\n {16}\}\n {12}\}/);
  assert.deepEqual(both.codes, []);
});

test('merges into an existing operator object written on one line', async () => {
  const oneLine = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceIdentity": "x"}}}]}';
  const { text, plan, codes } = await applyFix(oneLine, 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL');
  assert.match(text, /"StringEquals": \{"aws:SourceIdentity": "x", "sts:ExternalId": "EXTERNAL_ID"\}/);
  assert.equal(text.slice(plan.select!.start, plan.select!.end), 'EXTERNAL_ID');
  assert.ok(!codes.includes('MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL'));
});

test('keeps tab indentation and CRLF line ends', async () => {
  const tabbed = vendor.replace(/ {4}/g, '\t').replace(/\n/g, '\r\n');
  const { text } = await applyFix(tabbed, 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL');
  assert.ok(text.includes('"sts:AssumeRole",\r\n\t\t\t"Condition": {\r\n\t\t\t\t"StringEquals": {\r\n\t\t\t\t\t"sts:ExternalId": "EXTERNAL_ID"\r\n\t\t\t\t}\r\n\t\t\t}\r\n'), JSON.stringify(text));
});

test('adds a GitHub sub condition and selects OWNER/REPO; replaces an unpinned one', async () => {
  const github = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
        },
      ],
    },
    null,
    2,
  );
  const added = await applyFix(github, 'MISSING_GITHUB_REPO_CONDITION_KEY');
  assert.match(added.text, /"token\.actions\.githubusercontent\.com:aud": "sts\.amazonaws\.com",\n\s+"token\.actions\.githubusercontent\.com:sub": "repo:OWNER\/REPO:ref:refs\/heads\/main"/);
  assert.equal(added.text.slice(added.plan.select!.start, added.plan.select!.end), 'OWNER/REPO');
  assert.ok(!added.codes.includes('MISSING_GITHUB_REPO_CONDITION_KEY'));
  const unpinned = github.replace('"StringEquals": {', '"StringLike": { "token.actions.githubusercontent.com:sub": "repo:*" },\n        "StringEquals": {');
  const replaced = await applyFix(unpinned, 'MISSING_GITHUB_REPO_CONDITION_KEY');
  assert.match(replaced.text, /"StringLike": \{ "token\.actions\.githubusercontent\.com:sub": "repo:OWNER\/REPO:ref:refs\/heads\/main" \}/);
});

test('adds a missing Version as the first element', async () => {
  const noVersion = '{\n  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]\n}';
  const { text, codes } = await applyFix(noVersion, 'MISSING_VERSION');
  assert.equal(text, '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]\n}');
  assert.ok(!codes.includes('MISSING_VERSION'));
});

test('replaces an invalid action with the closest valid one', async () => {
  const typo = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRoel"}]}';
  const { text, plan, codes } = await applyFix(typo, 'INVALID_ACTION');
  assert.equal(plan.title, 'Replace with sts:AssumeRole');
  assert.match(text, /"Action": "sts:AssumeRole"/);
  assert.ok(!codes.includes('INVALID_ACTION'));
});

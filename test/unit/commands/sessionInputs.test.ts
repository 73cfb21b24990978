import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultRoleSessionName,
  durationChoices,
  durationItems,
  profileDuration,
  looksLikeTrustPolicyOf,
  parseDuration,
  parseSessionTags,
  rememberRoleArn,
  profileDurationProblem,
  roleMaxFrom,
  sessionPolicyFromDocument,
  type PolicyDiagnostic,
} from '../../../client/src/commands/sessionInputs';

describe('parseSessionTags', () => {
  it('reads Key=Value pairs separated by commas', () => {
    assert.deepEqual(parseSessionTags(' Project=blue, CostCenter = 42 '), {
      ok: true,
      value: [
        { key: 'Project', value: 'blue' },
        { key: 'CostCenter', value: '42' },
      ],
    });
  });

  it('accepts nothing as no tags', () => {
    assert.deepEqual(parseSessionTags('  '), { ok: true, value: [] });
  });

  it('refuses a pair without "=" and names it', () => {
    const parsed = parseSessionTags('Project=blue, oops');
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.problem : '', /"oops" is not key=value/);
  });

  it('refuses keys that differ only in case, as STS does', () => {
    const parsed = parseSessionTags('team=a, Team=b');
    assert.match(!parsed.ok ? parsed.problem : '', /appears twice/);
  });
});

describe('parseDuration', () => {
  const cases: Array<[string, number]> = [
    ['3600', 3600],
    ['15m', 900],
    ['1h30m', 5400],
    ['2H', 7200],
  ];
  for (const [text, seconds] of cases) {
    it(`reads "${text}" as ${seconds} seconds`, () => {
      assert.deepEqual(parseDuration(text, 'AssumeRole'), { ok: true, value: seconds });
    });
  }

  it('refuses less than 15 minutes with the reason', () => {
    const parsed = parseDuration('10m', 'AssumeRole');
    assert.match(!parsed.ok ? parsed.problem : '', /at least 900 seconds/);
  });

  it('refuses more than one hour when chaining roles', () => {
    const parsed = parseDuration('2h', 'AssumeRole', { roleChaining: true });
    assert.match(!parsed.ok ? parsed.problem : '', /Role chaining/);
  });

  it('refuses text that is not a duration', () => {
    assert.equal(parseDuration('soon', 'GetSessionToken').ok, false);
  });
});

describe('durationChoices', () => {
  it('offers only durations the API allows', () => {
    assert.deepEqual(
      durationChoices('AssumeRole').map((choice) => choice.seconds),
      [900, 3600, 14_400, 28_800, 43_200],
    );
    assert.deepEqual(
      durationChoices('AssumeRole', { roleChaining: true }).map((choice) => choice.seconds),
      [900, 3600],
    );
    assert.ok(durationChoices('GetSessionToken').some((choice) => choice.seconds === 129_600));
  });
});

describe('sessionPolicyFromDocument', () => {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, null, 2);

  it('sends a valid policy without its whitespace', () => {
    assert.deepEqual(sessionPolicyFromDocument(policy, []), { ok: true, value: JSON.stringify(JSON.parse(policy)) });
  });

  it('refuses a policy with errors from our language server, listing them', () => {
    const diagnostics: PolicyDiagnostic[] = [
      { severity: 'error', source: 'IAM STS Studio', message: 'Effect must be "Allow" or "Deny" (case-sensitive).', line: 3 },
      { severity: 'warning', source: 'IAM STS Studio', message: 'a warning', line: 1 },
      { severity: 'error', source: 'json', message: 'someone else', line: 1 },
    ];
    const parsed = sessionPolicyFromDocument(policy, diagnostics);
    assert.equal(parsed.ok, false);
    const problem = !parsed.ok ? parsed.problem : '';
    assert.match(problem, /line 4: Effect must be "Allow" or "Deny"/);
    assert.doesNotMatch(problem, /a warning|someone else/);
  });

  it('refuses a policy over 2,048 characters even without whitespace', () => {
    const statements = Array.from({ length: 40 }, (_, index) => ({ Effect: 'Allow', Action: `s3:GetObject${index}`, Resource: `arn:aws:s3:::bucket-${index}/*` }));
    const parsed = sessionPolicyFromDocument(JSON.stringify({ Version: '2012-10-17', Statement: statements }), []);
    assert.match(!parsed.ok ? parsed.problem : '', /at most 2,048/);
  });

  it('accepts a pretty-printed policy whose compact form fits', () => {
    const statements = Array.from({ length: 12 }, (_, index) => ({ Effect: 'Allow', Action: `s3:GetObject${index}`, Resource: '*' }));
    const pretty = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 8);
    assert.ok(pretty.length > 2048);
    assert.equal(sessionPolicyFromDocument(pretty, []).ok, true);
  });

  it('refuses text that is not JSON or not an object', () => {
    assert.equal(sessionPolicyFromDocument('{ "Statement": ', []).ok, false);
    assert.equal(sessionPolicyFromDocument('[1, 2]', []).ok, false);
    assert.equal(sessionPolicyFromDocument('   ', []).ok, false);
  });
});

describe('defaultRoleSessionName', () => {
  it('derives a valid session name from the user name', () => {
    assert.equal(defaultRoleSessionName('alice'), 'alice-iam-sts-studio');
    assert.equal(defaultRoleSessionName('DOMAIN\\Jean Dupont'), 'DOMAIN-Jean-Dupont-iam-sts-studio');
    assert.equal(defaultRoleSessionName(undefined), 'iam-sts-studio');
    assert.ok(defaultRoleSessionName('x'.repeat(100)).length <= 64);
  });
});

describe('rememberRoleArn', () => {
  it('keeps the latest first, without duplicates, at most ten', () => {
    const recent = Array.from({ length: 10 }, (_, index) => `arn:aws:iam::111122223333:role/R${index}`);
    const updated = rememberRoleArn(recent, 'arn:aws:iam::111122223333:role/R5');
    assert.equal(updated[0], 'arn:aws:iam::111122223333:role/R5');
    assert.equal(updated.length, 10);
    assert.equal(new Set(updated).size, 10);
    assert.equal(rememberRoleArn(recent, 'arn:aws:iam::111122223333:role/New').length, 10);
  });
});

describe('looksLikeTrustPolicyOf', () => {
  const roleArn = 'arn:aws:iam::111122223333:role/Dev';

  it('matches a *trust*.json that names the role', () => {
    assert.equal(looksLikeTrustPolicyOf('/w/trust/dev-trust.json', '{"Comment": "trust for Dev"}', roleArn), true);
    assert.equal(looksLikeTrustPolicyOf('/w/roles/TrustPolicy.json', `{"Resource": "${roleArn}"}`, roleArn), true);
  });

  it('does not match other files or other roles', () => {
    assert.equal(looksLikeTrustPolicyOf('/w/policies/dev.json', '"Dev"', roleArn), false);
    assert.equal(looksLikeTrustPolicyOf('/w/trust/ops-trust.json', '"DevOps"', roleArn), false);
    assert.equal(looksLikeTrustPolicyOf('/w/trust/ops-trust.yaml', '"Dev"', roleArn), false);
  });
});

describe('durationItems', () => {
  it('labels the profile duration_seconds as the profile default and lists it first', () => {
    const items = durationItems('GetSessionToken', {}, profileDuration(4 * 3600));
    assert.equal(items[0].seconds, 4 * 3600);
    assert.equal(items[0].description, '14400 seconds (profile default)');
    assert.ok(!items.some((i) => i.description.includes('API default')));
  });

  it('says "API default" (12 hours for GetSessionToken) when the profile sets no duration', () => {
    const items = durationItems('GetSessionToken', {}, profileDuration(undefined));
    assert.equal(items[0].label, '12 hours');
    assert.equal(items[0].description, '43200 seconds (API default)');
    assert.ok(!items.some((i) => i.description.includes('profile default')));
  });

  it('puts AssumeRole\'s API default of one hour first', () => {
    const items = durationItems('AssumeRole', { roleChaining: true });
    assert.equal(items[0].description, '3600 seconds (API default)');
  });
});

describe("a role's MaxSessionDuration from the workspace bounds the AssumeRole duration", () => {
  const roleMax = { seconds: 7200, where: 'aws_iam_role.vendor in main.tf' };

  it('offers durations up to the bound, the bound itself labelled as the role maximum', () => {
    const items = durationItems('AssumeRole', { roleMax });
    assert.deepEqual(items.map((i) => i.seconds), [3600, 900, 7200]);
    assert.equal(items[2].label, '2 hours');
    assert.equal(items[2].description, "7200 seconds (the role's maximum, aws_iam_role.vendor in main.tf)");
  });

  it('refuses a typed duration above it, naming where the role sets it, before any call to STS', () => {
    const parsed = parseDuration('3h', 'AssumeRole', { roleMax });
    assert.deepEqual(parsed, { ok: false, problem: 'aws_iam_role.vendor in main.tf lets sessions last at most 7200 seconds (MaxSessionDuration): STS refuses a longer one.' });
    assert.deepEqual(parseDuration('2h', 'AssumeRole', { roleMax }), { ok: true, value: 7200 });
  });

  it('leaves role chaining at its one hour, and other APIs alone', () => {
    assert.deepEqual(durationChoices('AssumeRole', { roleChaining: true, roleMax }).map((c) => c.seconds), [900, 3600]);
    assert.ok(durationChoices('GetSessionToken', { roleMax }).some((c) => c.seconds === 129_600));
  });

  it('takes the strictest of the roles found, and says when the one-hour default applies', () => {
    assert.deepEqual(
      roleMaxFrom([
        { label: 'VendorRole in a.yaml', maxSessionDuration: 14400, maxSessionDurationSet: true },
        { label: 'aws_iam_role.vendor in b.tf', maxSessionDuration: 3600, maxSessionDurationSet: false },
      ]),
      { seconds: 3600, where: 'aws_iam_role.vendor in b.tf (no MaxSessionDuration: one hour)' },
    );
    assert.equal(roleMaxFrom([]), undefined);
  });

  it("refuses a role profile whose duration_seconds is above the bound, before the one-step call, and says where to change it", () => {
    assert.equal(
      profileDurationProblem({ name: 'vendor', durationSeconds: 14400 }, roleMax),
      'Profile "vendor" asks for duration_seconds = 14400: aws_iam_role.vendor in main.tf lets sessions last at most 7200 seconds (MaxSessionDuration): STS refuses a longer one. Lower duration_seconds in the AWS config file.',
    );
    assert.equal(profileDurationProblem({ name: 'vendor', durationSeconds: 3600 }, roleMax), undefined);
    assert.equal(profileDurationProblem({ name: 'vendor' }, roleMax), undefined);
    assert.equal(profileDurationProblem({ name: 'vendor', durationSeconds: 14400 }, undefined), undefined);
  });
});

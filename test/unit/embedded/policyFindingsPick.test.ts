// Clicking an embedded policy's code lens lists that policy's findings: one row each, in file order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsArgsOf, planFindingsPick } from '../../../client/src/embedded/policyFindingsPick';

const range = (line: number, character: number, length = 5) => ({ start: { line, character }, end: { line, character: character + length } });

describe("the findings quick pick of an embedded policy's code lens", () => {
  const args = {
    uri: 'file:///w/template.yaml',
    locator: 'VendorRole.AssumeRolePolicyDocument',
    kind: 'IAM trust policy',
    findings: [
      { severity: 2 as const, code: 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL', message: 'Require an sts:ExternalId.', range: range(15, 19) },
      { severity: 1 as const, code: 'INVALID_ACTION', message: 'sts:AssumeRol is not an action.', range: range(11, 20) },
      { severity: 3 as const, code: 'REDUNDANT_ACTION', message: 'Listed twice.', range: range(15, 2) },
    ],
  };

  it('lists each finding with its severity, code, message and one-based line, in the order of the file', () => {
    const plan = planFindingsPick(args);
    assert.equal(plan.title, 'VendorRole.AssumeRolePolicyDocument (IAM trust policy): 3 findings');
    assert.deepEqual(
      plan.rows.map((r) => [r.label, r.description, r.detail]),
      [
        ['$(error) INVALID_ACTION', 'Error, line 12', 'sts:AssumeRol is not an action.'],
        ['$(info) REDUNDANT_ACTION', 'Information, line 16', 'Listed twice.'],
        ['$(warning) MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL', 'Warning, line 16', 'Require an sts:ExternalId.'],
      ],
    );
  });

  it("keeps each row's range, which choosing it selects", () => {
    assert.deepEqual(planFindingsPick(args).rows[0].range, range(11, 20));
  });

  it('says one finding in the singular', () => {
    assert.equal(planFindingsPick({ ...args, findings: args.findings.slice(0, 1) }).title, 'VendorRole.AssumeRolePolicyDocument (IAM trust policy): 1 finding');
  });

  it('reads only an argument shaped as the lens sends it', () => {
    assert.equal(findingsArgsOf(undefined), undefined);
    assert.equal(findingsArgsOf({ uri: 'x' }), undefined);
    assert.equal(findingsArgsOf(args), args);
  });
});

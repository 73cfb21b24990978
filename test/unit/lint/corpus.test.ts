// The shared corpus of real policies: AWS managed policies (identity), SCPs and RCPs. None may
// get a JSON syntax error or a grammar/shape error; the findings they do get are pinned in
// test/snapshots/corpus-findings.json (regenerate with UPDATE_SNAPSHOTS=1).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { lintPolicy } from '../../../server/src/lint';
import type { DocumentKind } from '../../../server/src/policy/model';
import { parsePolicyText } from '../../../server/src/policy/parse';
import { findCorpus } from './corpusPath';

const CORPUS = findCorpus();
const SNAPSHOT = join(__dirname, '..', '..', 'snapshots', 'corpus-findings.json');
const FOLDERS: Record<string, DocumentKind> = { managed: 'identity', scp: 'scp', rcp: 'rcp' };

/** Findings about the document's shape rather than its meaning. */
const SHAPE_CODES = new Set([
  'DATA_TYPE_MISMATCH', 'INVALID_POLICY_ELEMENT', 'MISSING_STATEMENT', 'MISSING_EFFECT', 'INVALID_EFFECT', 'MISSING_ACTION',
  'MISSING_RESOURCE', 'MISSING_PRINCIPAL', 'UNSUPPORTED_ELEMENT_COMBINATION', 'INVALID_VERSION', 'UNSUPPORTED_PRINCIPAL',
  'SCP_SYNTAX_ERROR_PRINCIPAL', 'RCP_SYNTAX_ERROR_PRINCIPAL', 'RCP_SYNTAX_ERROR_NOT_ACTION', 'INVALID_PRINCIPAL_KEY',
  'INVALID_PRINCIPAL_FORMAT', 'INVALID_CONDITION_OPERATOR', 'INVALID_CONDITION_KEY_FORMAT',
]);

/** Shape errors that are real faults of the sample itself, each with the reason. */
const ACCEPTED_SHAPE_ERRORS: Record<string, string[]> = {
  // Statement "EnforceTrustedOIDCTenantGoogle" of this AWS sample has no Resource, and its Null
  // condition names "accounts.google.com" without a claim, which is no condition key.
  'rcp/rcpex__Limit-access-to-trusted-OIDC-identity-providers__Shared-Issuers.json': ['INVALID_CONDITION_KEY_FORMAT', 'MISSING_RESOURCE'],
};

let data: IamData;
const actual: Record<string, string[]> = {};

describe('shared corpus: managed policies, SCPs and RCPs', () => {
  before(async () => {
    data = await loadIamData();
  });

  for (const [folder, kind] of Object.entries(FOLDERS)) {
    test(`every ${folder} policy parses and has no grammar or shape error`, () => {
      const files = readdirSync(join(CORPUS, folder)).filter((f) => f.endsWith('.json')).sort();
      assert.ok(files.length > 0);
      const problems: string[] = [];
      for (const name of files) {
        const id = `${folder}/${name}`;
        const text = readFileSync(join(CORPUS, folder, name), 'utf8');
        const parsed = parsePolicyText(text);
        if (parsed.syntaxErrors.length > 0 || !parsed.model) {
          problems.push(`${id}: ${parsed.syntaxErrors.map((e) => e.message).join('; ') || 'not a policy'}`);
          continue;
        }
        const codes = lintPolicy(parsed.model, kind, { text, data }).map((f) => f.code).sort();
        if (codes.length > 0) actual[id] = codes;
        const shape = [...new Set(codes.filter((c) => SHAPE_CODES.has(c)))];
        const unexpected = shape.filter((c) => !(ACCEPTED_SHAPE_ERRORS[id] ?? []).includes(c));
        if (unexpected.length > 0) problems.push(`${id}: ${unexpected.join(', ')}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  test('the findings match the checked-in snapshot', () => {
    const sorted = Object.fromEntries(Object.keys(actual).sort().map((k) => [k, actual[k]]));
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      writeFileSync(SNAPSHOT, `${JSON.stringify(sorted, null, 1)}\n`);
      return;
    }
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string[]>;
    assert.deepEqual(sorted, expected);
  });
});

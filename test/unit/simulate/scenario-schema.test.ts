// schemas/scenario.schema.json accepts the scenario format the runner reads, and flags
// the mistakes people make (a typo in "expect", an SCP level that is not a list).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';

const SCHEMAS = path.resolve(__dirname, '..', '..', '..', 'schemas');
const SCENARIO_SCHEMA = 'https://iam-sts-studio.invalid/schemas/scenario.schema.json';
const WORKLOAD = path.resolve(__dirname, '..', '..', 'fixtures', 'simulate', 'workload', 'dev.iamsim.json');

const service = getLanguageService({
  schemaRequestService: async (uri) => {
    const file = path.join(SCHEMAS, uri.slice(uri.lastIndexOf('/') + 1));
    return fs.readFileSync(file, 'utf8');
  },
});
service.configure({ validate: true, allowComments: true, schemas: [{ uri: SCENARIO_SCHEMA, fileMatch: ['*.iamsim.json'] }] });

async function problems(text: string): Promise<string[]> {
  const doc = TextDocument.create('file:///work/a.iamsim.json', 'json', 1, text);
  const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc));
  return diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('the scenario schema', () => {
  it('is a draft-07 schema with descriptions', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'scenario.schema.json'), 'utf8'));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, SCENARIO_SCHEMA);
    assert.ok(schema.definitions.test.properties.expect.markdownDescription);
  });

  it('accepts the workload scenario', async () => {
    assert.deepEqual(await problems(fs.readFileSync(WORKLOAD, 'utf8')), []);
  });

  it('rejects an unknown expect value', async () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/a', tests: [{ name: 't', action: 's3:GetObject', resource: '*', expect: 'deny' }] });
    assert.ok((await problems(text)).length > 0);
  });

  it('rejects an SCP level written as a bare path', async () => {
    const text = JSON.stringify({ principal: 'arn:aws:iam::111122223333:user/a', policies: { scp: ['root.json'] }, tests: [] });
    assert.ok((await problems(text)).length > 0);
  });

  it('rejects a test without expect', async () => {
    const text = JSON.stringify({ tests: [{ name: 't', action: 's3:GetObject', resource: '*' }] });
    assert.ok((await problems(text)).some((m) => /expect/.test(m)));
  });
});

// examples/simulation (the workspace `npm start` opens and the e2e tests edit) stays valid and green.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { ScenarioWorkspace } from '../../../server/src/scenarioWorkspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCENARIO = path.join(ROOT, 'examples', 'simulation', 'dev-workload.iamsim.json');

describe('the example scenario', () => {
  it('follows schemas/scenario.schema.json, as package.json associates it', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const association = pkg.contributes.jsonValidation.find((v: { fileMatch: string }) => v.fileMatch === '*.iamsim.json');
    assert.equal(association?.url, './schemas/scenario.schema.json');
    const service = getLanguageService({ schemaRequestService: async (uri) => fs.readFileSync(path.join(ROOT, 'schemas', uri.slice(uri.lastIndexOf('/') + 1)), 'utf8') });
    service.configure({ validate: true, schemas: [{ uri: 'https://iam-sts-studio.invalid/schemas/scenario.schema.json', fileMatch: ['*.iamsim.json'] }] });
    const doc = TextDocument.create('file:///x/dev-workload.iamsim.json', 'json', 1, fs.readFileSync(SCENARIO, 'utf8'));
    assert.deepEqual(await service.doValidation(doc, service.parseJSONDocument(doc)), []);
  });

  it('passes every test, against the identity policy, the bucket policy and the SCP', async () => {
    const ws = new ScenarioWorkspace((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined));
    const record = (await ws.run(SCENARIO))!;
    assert.deepEqual(record.outcome!.fileErrors, []);
    assert.deepEqual(record.outcome!.tests.filter((t) => !t.result.pass).map((t) => t.result.name), []);
    assert.equal(record.outcome!.tests.length, 6);
    assert.deepEqual(record.dependencies.map((f) => path.basename(f)), ['bucket-policy.json', 'dev-role.json', 'workloads-scp.json']);
  });
});

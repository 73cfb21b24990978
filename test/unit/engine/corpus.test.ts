// Every real policy of the shared corpus compiles and evaluates without throwing, in the
// role its folder gives it. The corpus sits beside the clone (../shared/corpus).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DECISIONS, evaluate, type PolicySet } from '../../../server/src/engine';
import { parsePolicyText } from '../../../server/src/policy/parse';
import type { PolicyModel } from '../../../server/src/policy/model';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const FOLDERS = ['managed', 'identity-docs', 'scp', 'rcp', 'trust', 'resource'] as const;

function policySetFor(folder: (typeof FOLDERS)[number], model: PolicyModel): PolicySet {
  switch (folder) {
    case 'scp':
      return { identity: [], scp: [[model]] };
    case 'rcp':
      return { rcp: [[model]] };
    case 'trust':
    case 'resource':
      return { resource: model };
    default:
      return { identity: [model] };
  }
}

/** A request aimed at the policy's own first action and resource, so statements are really exercised. */
function requestFor(model: PolicyModel): { action: string; resource: string } {
  const st = model.statements.find((s) => s.action?.values.some((v) => v.jsonType === 'string'));
  const action = st?.action?.values.find((v) => v.jsonType === 'string')?.text.replace(/\*/g, 'Get') ?? 's3:GetObject';
  const resource = st?.resource?.values.find((v) => v.jsonType === 'string')?.text.replace(/\*/g, 'x') ?? '*';
  return { action, resource };
}

describe('the policy corpus', () => {
  for (const folder of FOLDERS) {
    it(`evaluates every ${folder} policy without throwing`, () => {
      const dir = path.join(CORPUS, folder);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
      assert.ok(files.length > 0);
      let evaluated = 0;
      for (const file of files) {
        const model = parsePolicyText(fs.readFileSync(path.join(dir, file), 'utf8')).model;
        if (!model) continue;
        const { action, resource } = requestFor(model);
        const result = evaluate(
          { principal: 'arn:aws:sts::111122223333:assumed-role/Dev/s1', action, resource, context: { 'aws:SourceIp': '10.0.0.1', 'aws:TagKeys': ['a'] } },
          policySetFor(folder, model),
          { now: new Date('2025-06-01T12:00:00Z') },
        );
        assert.ok(DECISIONS.includes(result.decision), `${folder}/${file}`);
        evaluated++;
      }
      assert.ok(evaluated > 0);
    });
  }
});

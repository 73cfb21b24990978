// Reads the engine's JSON case files (test/fixtures/engine/*.json) and turns each case into
// a check. A file is `{ topic, source?, defaults?, cases }`; `defaults.request`,
// `defaults.policies` and `defaults.options` fill what a case leaves out. A policy may be
// written as a list of statements, short for a 2012-10-17 policy holding them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  arnMatches,
  compileArnPattern,
  compileGlob,
  evaluate,
  globMatches,
  type EvaluationOptions,
  type EvaluationRequest,
  type EvaluationResult,
  type PolicyInput,
  type PolicySet,
} from '../../../server/src/engine';
import { policyModelFromObject } from '../../../server/src/policy/parse';

export const FIXTURE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'engine');

type Json = Record<string, unknown>;

export interface FixtureFile {
  topic: string;
  source?: string;
  defaults?: { request?: Json; policies?: Json; options?: Json };
  cases: Json[];
}

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readFixture(file: string): FixtureFile {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, file), 'utf8')) as FixtureFile;
}

function toModel(policy: unknown): PolicyInput {
  const doc = Array.isArray(policy) ? { Version: '2012-10-17', Statement: policy } : policy;
  const model = policyModelFromObject(doc);
  assert.ok(model, `not a policy: ${JSON.stringify(doc)}`);
  return model;
}

export function toPolicySet(p: Json | undefined): PolicySet {
  const set: PolicySet = {};
  if (!p) return set;
  if (p.identity) set.identity = (p.identity as unknown[]).map(toModel);
  if (p.resource ?? p.trust) set.resource = toModel(p.resource ?? p.trust);
  if (p.boundary) set.boundary = toModel(p.boundary);
  if (p.session) set.session = toModel(p.session);
  if (p.scp) set.scp = (p.scp as unknown[][]).map((level) => level.map(toModel));
  if (p.rcp) set.rcp = (p.rcp as unknown[][]).map((level) => level.map(toModel));
  return set;
}

/** `identity[0]#1`, `scp[1][0]#0`, `resource#0`: policy (level, index) and statement index. */
function refText(r: EvaluationResult['explanation']['decidedBy'][number]): string {
  const p = r.policy;
  const where = p.type === 'scp' || p.type === 'rcp' ? `[${p.level}][${p.index}]` : p.type === 'identity' ? `[${p.index}]` : '';
  return `${p.type}${where}#${r.index}`;
}

/** What a case asks `evaluate`, or undefined for the glob and ARN-pattern cases that never call it. */
export function caseInputs(file: FixtureFile, c: Json): { request: EvaluationRequest; policies: PolicySet; options: EvaluationOptions } | undefined {
  if ('pattern' in c || 'arnPattern' in c) return undefined;
  if ('condition' in c) {
    const policy = {
      Version: (c.version as string | undefined) ?? '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: c.condition }],
    };
    return {
      request: { principal: (c.principal as string | undefined) ?? 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', context: c.context as never },
      policies: { identity: [toModel(policy)] },
      options: { now: new Date((c.now as string | undefined) ?? '2025-06-01T12:00:00Z') },
    };
  }
  const request = { ...(file.defaults?.request ?? {}), ...((c.request as Json | undefined) ?? {}) };
  const policies = toPolicySet({ ...(file.defaults?.policies ?? {}), ...((c.policies as Json | undefined) ?? {}) });
  const options = { ...(file.defaults?.options ?? {}), ...((c.options as Json | undefined) ?? {}) };
  return {
    request: request as never,
    policies,
    options: { now: new Date((options.now as string | undefined) ?? '2025-06-01T12:00:00Z'), managementAccountId: options.managementAccountId as string | undefined },
  };
}

/** Runs one case; returns nothing, throws an assertion error on a mismatch. */
export function runCase(file: FixtureFile, c: Json): void {
  const source = (c.source ?? file.source) as string | undefined;
  assert.match(source ?? '', /^https:\/\/docs\.aws\.amazon\.com\//, `case "${c.name}" must cite an AWS documentation page`);
  assert.ok('expected' in c, `case "${c.name}" has no expected value`);
  if ('pattern' in c) {
    const glob = compileGlob(c.pattern as string, c.ignoreCase === true);
    assert.equal(globMatches(glob, c.value as string), c.expected, `glob ${c.pattern} vs ${c.value}`);
    return;
  }
  if ('arnPattern' in c) {
    const pattern = compileArnPattern([{ kind: 'pattern', text: c.arnPattern as string }]);
    assert.equal(arnMatches(pattern, c.value as string), c.expected, `ARN pattern ${c.arnPattern} vs ${c.value}`);
    return;
  }
  const { request, policies, options } = caseInputs(file, c)!;
  const result = evaluate(request, policies, options);
  if ('condition' in c) {
    const matched = result.decision === 'allowed';
    assert.equal(matched, c.expected, `condition ${JSON.stringify(c.condition)}: ${JSON.stringify(result.explanation.policies[0].statements[0].conditions)}`);
    return;
  }
  assert.equal(result.decision, c.expected, `${result.explanation.summary}\nnotes: ${result.explanation.notes.join(' | ')}`);
  if (c.decidedBy) assert.deepEqual(result.explanation.decidedBy.map(refText).sort(), [...(c.decidedBy as string[])].sort());
  if (c.summaryIncludes) assert.ok(result.explanation.summary.includes(c.summaryIncludes as string), result.explanation.summary);
}

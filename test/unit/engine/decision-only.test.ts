// `explain: false` must decide exactly as the explained mode: same decision, same deciding
// statements, same summary, and only the applying statements listed, for every case file.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluate, type EvaluationResult } from '../../../server/src/engine';
import { caseInputs, fixtureFiles, readFixture } from './fixture-cases';

/** What both modes must share: the decision, why, and the statements that applied (with their explanations). */
function decisionFacts(result: EvaluationResult): unknown {
  const e = result.explanation;
  const trim = (x: EvaluationResult['explanation']): unknown => ({
    summary: x.summary,
    decidedBy: x.decidedBy,
    missingAllow: x.missingAllow,
    notes: x.notes,
    crossAccount: x.crossAccount,
    policies: x.policies.map((p) => ({ ...p, statements: p.statements.filter((s) => s.applies) })),
  });
  return { decision: result.decision, ...(trim(e) as object), related: e.related.map((r) => ({ action: r.action, decision: r.decision, ...(trim(r.explanation) as object) })) };
}

for (const file of fixtureFiles()) {
  const fixture = readFixture(file);
  describe(`${file}: explain: false`, () => {
    for (const c of fixture.cases) {
      const inputs = caseInputs(fixture, c);
      if (!inputs) continue;
      it(`decides "${String(c.name)}" as the explained mode does`, () => {
        const explained = evaluate(inputs.request, inputs.policies, inputs.options);
        const decisionOnly = evaluate(inputs.request, inputs.policies, { ...inputs.options, explain: false });
        assert.deepEqual(decisionFacts(decisionOnly), decisionFacts(explained));
        assert.ok(decisionOnly.explanation.policies.every((p) => p.statements.every((s) => s.applies)), 'lists only applying statements');
      });
    }
  });
}

// Runs every test of a loaded scenario through the engine and maps the deciding statements
// back to the files (or inline objects) they came from.
import { evaluate } from '../engine';
import type { LabeledPolicy, PolicyRef, PolicySet, StatementRef } from '../engine/types';
import type { DecidingStatement, PolicySource, Scenario, ScenarioPolicies, ScenarioTest, ScenarioTestResult, ScenarioRunResult } from './scenario-types';

export interface RunScenarioOptions {
  /** The clock for tests that do not set "now". */
  now?: Date;
}

export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): ScenarioRunResult {
  const tests = scenario.tests.map((t) => runTest(t, scenario, options));
  return runResult(scenario, tests);
}

/** The same, awaiting `pause` between tests: the language server yields there, and throws to give up. */
export async function runScenarioPausing(scenario: Scenario, options: RunScenarioOptions, pause: () => Promise<void>): Promise<ScenarioRunResult> {
  const tests: ScenarioTestResult[] = [];
  for (const t of scenario.tests) {
    await pause();
    tests.push(runTest(t, scenario, options));
  }
  return runResult(scenario, tests);
}

function runResult(scenario: Scenario, tests: ScenarioTestResult[]): ScenarioRunResult {
  const passed = tests.filter((t) => t.pass).length;
  return { filePath: scenario.filePath, errors: scenario.errors, tests, passed, failed: tests.length - passed };
}

function runTest(test: ScenarioTest, scenario: Scenario, options: RunScenarioOptions): ScenarioTestResult {
  const base = { name: test.name, range: test.range, expected: test.expected };
  if (test.errors.length > 0) {
    return { ...base, decision: undefined, pass: false, explanation: undefined, decidingStatements: [], errors: test.errors };
  }
  const result = evaluate(test.request, toPolicySet(test.policies), {
    now: test.now ?? options.now,
    managementAccountId: scenario.managementAccountId,
  });
  return {
    ...base,
    decision: result.decision,
    pass: result.decision === test.expected,
    explanation: result.explanation,
    decidingStatements: result.explanation.decidedBy.flatMap((s) => decidingStatement(s, test.policies)),
    errors: [],
  };
}

function labeled(source: PolicySource): LabeledPolicy {
  return { model: source.model!, label: source.label };
}

function toPolicySet(p: ScenarioPolicies): PolicySet {
  return {
    identity: p.identity?.map(labeled),
    resource: p.resource && labeled(p.resource),
    boundary: p.boundary && labeled(p.boundary),
    session: p.session && labeled(p.session),
    scp: p.scp?.map((level) => level.map(labeled)),
    rcp: p.rcp?.map((level) => level.map(labeled)),
  };
}

export function sourceOf(ref: PolicyRef, p: ScenarioPolicies): PolicySource | undefined {
  switch (ref.type) {
    case 'identity':
      return p.identity?.[ref.index];
    case 'resource':
      return p.resource;
    case 'boundary':
      return p.boundary;
    case 'session':
      return p.session;
    case 'scp':
      return p.scp?.[ref.level ?? 0]?.[ref.index];
    case 'rcp':
      return p.rcp?.[ref.level ?? 0]?.[ref.index];
  }
}

function decidingStatement(s: StatementRef, policies: ScenarioPolicies): DecidingStatement[] {
  const source = sourceOf(s.policy, policies);
  return source ? [{ file: source.file, range: s.range, label: source.label, effect: s.effect }] : [];
}

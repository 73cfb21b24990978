// A scenario run → problems per file: a failed expectation on the test in the scenario and on
// the statement that decided it (or the policy that lacked the Allow); scenario load errors on
// the scenario. Pure: offsets in the texts the run read; the server turns them into diagnostics.
import * as path from 'node:path';
import type { OffsetRange } from '../policy/model';
import { scenarioErrors, type Scenario, type ScenarioError, type ScenarioRunResult, type ScenarioTest, type ScenarioTestResult } from '../simulate';
import { sourceOf } from '../simulate/run-scenario';
import { explanationText, type ExplanationText, type LocatePolicy } from './explanationText';

export const SIMULATION_FAILED = 'SIMULATION_FAILED';
export const SCENARIO_ERROR = 'SCENARIO_ERROR';

export interface SimulationProblem {
  code: typeof SIMULATION_FAILED | typeof SCENARIO_ERROR;
  /** The failed test itself is an error; the statement it points at is a warning: the policy is valid, the expectation about it is not met. */
  severity: 'error' | 'warning';
  message: string;
  range: OffsetRange;
}

export interface SimulatedTest {
  result: ScenarioTestResult;
  explanation: ExplanationText | undefined;
}

export interface ScenarioOutcome {
  /** Errors about the scenario file as a whole (malformed JSON, no tests …). */
  fileErrors: ScenarioError[];
  tests: SimulatedTest[];
  /** Absolute file path → its problems from this scenario. */
  problems: Map<string, SimulationProblem[]>;
}

export function scenarioOutcome(scenario: Scenario, run: ScenarioRunResult): ScenarioOutcome {
  const problems = new Map<string, SimulationProblem[]>();
  // One key per problem: a scenario of 40,000 bad tests has as many problems, and comparing
  // each with those already found was quadratic.
  const seen = new Set<string>();
  const add = (file: string, p: SimulationProblem) => {
    const key = `${file}\u0000${p.range.start}\u0000${p.range.end}\u0000${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = problems.get(file);
    if (list) list.push(p);
    else problems.set(file, [p]);
  };
  // Errors inside a policy file (its JSON syntax) are the policy's own diagnostics already;
  // the scenario carries one error on the path that names it.
  for (const e of scenarioErrors(scenario)) {
    if (e.file === scenario.filePath) add(e.file, { code: SCENARIO_ERROR, severity: 'error', message: e.message, range: e.range });
  }
  const scenarioName = path.basename(scenario.filePath);
  const tests = run.tests.map((result, i): SimulatedTest => {
    const test = scenario.tests[i];
    const explanation = result.explanation && result.decision && test ? explanationText(test.request, result.decision, result.explanation, locator(test)) : undefined;
    if (!result.pass && result.errors.length === 0 && result.decision && test) {
      const outcome = `expected ${result.expected}, got ${result.decision}`;
      const why = explanation?.summary ?? '';
      add(scenario.filePath, {
        code: SIMULATION_FAILED,
        severity: 'error',
        message: `Simulation "${result.name}" failed: ${outcome}. ${why}`.trim(),
        range: test.expectRange ?? result.range,
      });
      for (const where of explanation?.decidedBy ?? []) {
        add(where.file, {
          code: SIMULATION_FAILED,
          severity: 'warning',
          message: `${where.effect ?? ''} statement decides "${result.name}" (${scenarioName}): ${outcome}. ${why}`.trim(),
          range: where.anchor,
        });
      }
      const missing = explanation?.missingAllow;
      if (missing) {
        add(missing.file, {
          code: SIMULATION_FAILED,
          severity: 'warning',
          message: `No statement of ${missing.label} allows "${result.name}" (${scenarioName}): ${outcome}. ${why}`.trim(),
          range: missing.anchor,
        });
      }
    }
    return { result, explanation };
  });
  return { fileErrors: scenario.errors.filter((e) => e.file === scenario.filePath), tests, problems };
}

function locator(test: ScenarioTest): LocatePolicy {
  return (ref) => {
    const source = sourceOf(ref, test.policies);
    return source ? { file: source.file, model: source.model } : undefined;
  };
}

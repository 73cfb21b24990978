// Which files a scenario depends on: the language server re-runs a scenario when one of
// them is saved (or created, for a file that was missing).
import type { Scenario, ScenarioError } from './scenario-types';

export function scenarioDependencies(scenario: Scenario): string[] {
  return [...new Set(scenario.policyFiles)].sort();
}

/** Every error of a scenario once, in file order: file-level errors and those of each test. */
export function scenarioErrors(scenario: Scenario): ScenarioError[] {
  const seen = new Set<string>();
  const out: ScenarioError[] = [];
  for (const e of [...scenario.errors, ...scenario.tests.flatMap((t) => t.errors)]) {
    const id = `${e.file}\u0000${e.range.start}\u0000${e.range.end}\u0000${e.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out.sort((a, b) => (a.file === b.file ? a.range.start - b.range.start : a.file < b.file ? -1 : 1));
}

// Public entry of the scenario runner (`*.iamsim.json`). I/O only through the injected reader.
export { loadScenario } from './load-scenario';
export { runScenario, type RunScenarioOptions } from './run-scenario';
export { scenarioDependencies, scenarioErrors } from './dependencies';
export * from './scenario-types';

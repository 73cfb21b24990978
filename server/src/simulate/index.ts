// Public entry of the scenario runner (`*.iamsim.json`). I/O only through the injected reader.
export { loadScenario } from './load-scenario';
export { loadScenarioReading, MAX_POLICY_FILES } from './load-scenario-files';
export { runScenario, runScenarioPausing, type RunScenarioOptions } from './run-scenario';
export { scenarioDependencies, scenarioErrors } from './dependencies';
export { DEFAULT_READ_TIMEOUT_MS, formatBytes, insideAny, isRefusal, readFileSafely, type ReadRefusal, type ReadResult, type SafeReadLimits } from './read-policy-file';
export * from './scenario-types';

// Scenario files in the workspace: discovery, dependencies, runs and their problems. No LSP.
export { findScenarioFiles, isScenarioPath, SCENARIO_SUFFIX, type DiscoveryLimits } from './discovery';
export { explanationText, detailLines, type ExplanationText, type LocatePolicy, type OffsetLocation } from './explanationText';
export { scenarioOutcome, SCENARIO_ERROR, SIMULATION_FAILED, type ScenarioOutcome, type SimulatedTest, type SimulationProblem } from './outcome';
export { ScenarioWorkspace, type LocatedProblem, type ReadText, type ScenarioRecord } from './workspace';

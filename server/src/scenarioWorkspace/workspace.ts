// The scenario files of the workspace, what each depends on, and the outcome of its last run.
// No LSP here: the reader is injected (it prefers open documents to the files on disk), and the
// simulation feature turns outcomes into diagnostics and Test Explorer results.
import * as path from 'node:path';
import { scenarioOutcome, type ScenarioOutcome, type SimulationProblem } from './outcome';
import { isScenarioPath } from './discovery';
import { CancelledWork } from '../runSafe';
import { isRefusal, loadScenarioReading, runScenarioPausing, scenarioDependencies, type ReadResult, type ScenarioRunResult } from '../simulate';

/**
 * Reads a file by absolute path: the open document's text when there is one, else the disk's,
 * or a refusal (see simulate/read-policy-file.ts: only regular files inside the workspace).
 */
export type ReadText = (file: string, scenario: string) => ReadResult | Promise<ReadResult>;

export interface ScenarioRecord {
  file: string;
  dependencies: string[];
  outcome: ScenarioOutcome | undefined;
  /** The texts the last run read, by path: the offsets of its problems are offsets in these. */
  texts: Map<string, string>;
}

export interface LocatedProblem {
  problem: SimulationProblem;
  /** The text the problem's offsets refer to. */
  text: string;
}

/** How long a run computes before it lets other requests through. */
const SLICE_MS = 10;

export class ScenarioWorkspace {
  private readonly records = new Map<string, ScenarioRecord>();
  /** The latest run started per scenario: an older run that finishes later is dropped. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly readText: ReadText) {}

  get files(): string[] {
    return [...this.records.keys()].sort();
  }

  has(file: string): boolean {
    return this.records.has(norm(file));
  }

  get(file: string): ScenarioRecord | undefined {
    return this.records.get(norm(file));
  }

  /** Starts tracking a scenario file without running it. */
  track(file: string): void {
    const key = norm(file);
    if (!this.records.has(key)) this.records.set(key, { file: key, dependencies: [], outcome: undefined, texts: new Map() });
  }

  /** Stops tracking; returns the last record so its problems can be cleared. */
  forget(file: string): ScenarioRecord | undefined {
    const key = norm(file);
    const record = this.records.get(key);
    this.records.delete(key);
    // A run still in flight must not bring it back.
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    return record;
  }

  /** Scenario files to re-run when `file` changed: itself when it is one, and every scenario naming it. */
  affectedBy(file: string): string[] {
    const key = norm(file);
    const out = new Set<string>();
    if (isScenarioPath(key) && this.records.has(key)) out.add(key);
    for (const record of this.records.values()) if (record.dependencies.includes(key)) out.add(record.file);
    return [...out].sort();
  }

  /**
   * Loads and runs one scenario. Returns undefined (and stops tracking it) when the scenario
   * itself cannot be read any more. When a newer run of the same scenario started meanwhile,
   * this one's result is not kept: the record returned is whatever the workspace holds.
   */
  async run(file: string, now?: Date): Promise<ScenarioRecord | undefined> {
    const key = norm(file);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const texts = new Map<string, string>();
    const read = async (p: string): Promise<ReadResult> => {
      const result = await this.readText(p, key);
      if (typeof result === 'string') texts.set(norm(p), result);
      return result;
    };
    const text = await read(key);
    if (this.generations.get(key) !== generation) return this.records.get(key);
    if (text === undefined || isRefusal(text)) {
      this.records.delete(key);
      return undefined;
    }
    const scenario = await loadScenarioReading(text, key, read);
    if (this.generations.get(key) !== generation) return this.records.get(key);
    // Between tests, other requests get through, and a newer run of this scenario stops this one.
    let sliceStart = performance.now();
    const superseded = new CancelledWork('a newer run started');
    const pause = async () => {
      if (performance.now() - sliceStart < SLICE_MS) return;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      if (this.generations.get(key) !== generation) throw superseded;
    };
    let run: ScenarioRunResult;
    try {
      run = await runScenarioPausing(scenario, { now }, pause);
    } catch (e) {
      if (e === superseded) return this.records.get(key);
      throw e;
    }
    if (this.generations.get(key) !== generation) return this.records.get(key);
    const outcome = scenarioOutcome(scenario, run);
    const record: ScenarioRecord = { file: key, dependencies: scenarioDependencies(scenario).map(norm), outcome, texts };
    this.records.set(key, record);
    return record;
  }

  /** Every problem of every scenario that lands in `file`, with the text its offsets refer to. */
  problemsFor(file: string): LocatedProblem[] {
    const key = norm(file);
    const out: LocatedProblem[] = [];
    for (const record of this.records.values()) {
      const problems = record.outcome?.problems.get(key);
      const text = record.texts.get(key);
      if (!problems || text === undefined) continue;
      for (const problem of problems) out.push({ problem, text });
    }
    return out;
  }

  /** Files that hold a problem of this scenario's last run. */
  filesWithProblems(record: ScenarioRecord | undefined): string[] {
    return record?.outcome ? [...record.outcome.problems.keys()] : [];
  }
}

function norm(file: string): string {
  return path.normalize(file);
}

// Scenario files (`*.iamsim.json`) simulated on save and on edit: finds them in the workspace
// folders, re-runs a scenario when it or a policy it names changes, publishes a failed
// expectation on the test and on the deciding statement, and pushes results to the client's
// Test Explorer. validate() in startServer merges our diagnostics into an open document's own.
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runSimulationsRequest, simulationResultsNotification, type SimulationResults } from '../protocol';
import { runSafe, type Logger } from '../runSafe';
import { findScenarioFiles, isScenarioPath, ScenarioWorkspace, type LocatedProblem } from '../scenarioWorkspace';
import { DEFAULT_READ_TIMEOUT_MS, insideAny, readFileSafely, type ReadResult } from '../simulate';
import type { SeverityOverride } from './diagnostics';
import { fileUri, toDiagnostic, toSimulationResults } from './simulationResults';
import { filePathOf } from '../fileUri';

export interface SimulationDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: Logger;
  /** Re-publishes an open document's diagnostics; validate() asks diagnosticsFor() for ours. */
  revalidate: (document: TextDocument) => void;
  /** Diagnostics for a file that is not open: ours alone. */
  publishClosed: (uri: string, diagnostics: Diagnostic[]) => void;
  /** `iamSts.diagnostics` severity overrides. */
  overrides: () => Record<string, SeverityOverride>;
  /** `iamSts.maxFileSize`: no policy file larger than this is read. */
  maxFileSize: () => number;
  /** Also told of every watched file change (the connection has one handler for them). */
  onWatchedFiles?: (changes: ReadonlyArray<{ uri: string; type: FileChangeType }>) => void;
}

/** Scenarios with 100,000 tests are allowed; a scenario larger than this is not read. */
const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

export interface Simulation {
  /** From onInitialize: the workspace folders and what the client can do. */
  initialize(params: InitializeParams): void;
  /** From onInitialized: find the scenarios, run them, watch for changes. */
  start(): void;
  /** The raw `iamSts` settings, whenever they are read. */
  configure(raw: unknown): void;
  /** Our diagnostics for an open document, to append to its own. */
  diagnosticsFor(document: TextDocument): Diagnostic[];
  /** Resolves when the runs in flight that can change this document's diagnostics are done. */
  settled(document: TextDocument): Promise<void>;
}

export function createSimulation(deps: SimulationDeps): Simulation {
  const { connection, documents, logger } = deps;
  let folders: string[] = [];
  let runOnSave = true;
  let watchFiles = false;
  let watchFolders = false;
  let discovery: Promise<void> = Promise.resolve();

  const workspace = new ScenarioWorkspace(readForScenario);

  /**
   * A scenario reads only files inside the workspace folders (its own folder when it lies outside
   * them): an open document's text, else a regular file on disk, bounded in size and time.
   */
  function readForScenario(file: string, scenario: string): Promise<ReadResult> | ReadResult {
    const inWorkspace = insideAny(folders, scenario);
    const roots = inWorkspace ? folders : [path.dirname(scenario)];
    const rootsName = inWorkspace ? (folders.length > 1 ? 'the workspace folders' : 'the workspace folder') : "the scenario's folder";
    if (!insideAny(roots, file)) return { refused: `it is outside ${rootsName}; a scenario reads only files inside ${rootsName}` };
    const open = openDocument(file);
    if (open) return open.getText();
    const maxBytes = file === scenario ? MAX_SCENARIO_BYTES : deps.maxFileSize();
    return readFileSafely(file, { roots, rootsName, maxBytes, timeoutMs: DEFAULT_READ_TIMEOUT_MS });
  }

  function openDocument(file: string): TextDocument | undefined {
    const wanted = path.normalize(file);
    return documents.all().find((d) => filePathOf(d.uri) === wanted);
  }

  // ---- running and publishing ----

  const queued = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves when the queued files' run has started (is in flight); set while a run is queued. */
  let queuedRunStarted: { promise: Promise<void>; resolve: () => void } | undefined;

  /**
   * Runs on the next turn, coalescing bursts. An edit's validation may start before that turn
   * (it is pushed in the next check phase): settled() then waits for the queued run to start and
   * end, so the merged diagnostics are never a run behind.
   */
  function schedule(files: readonly string[]): void {
    if (files.length === 0) return;
    for (const f of files) queued.add(f);
    if (timer) return;
    let resolve!: () => void;
    queuedRunStarted = { promise: new Promise<void>((r) => (resolve = r)), resolve };
    timer = setTimeout(() => {
      timer = undefined;
      const files = [...queued];
      queued.clear();
      const started = queuedRunStarted;
      queuedRunStarted = undefined;
      void runSafe(logger, 'simulation', [], undefined, () => runNow(files, true));
      started?.resolve();
    }, 0);
  }

  /** Scenario file → its run in progress (reads are asynchronous, tests yield). */
  const inFlight = new Map<string, Promise<unknown>>();

  function runNow(files: readonly string[], notify: boolean): Promise<SimulationResults[]> {
    const run = runFiles(files, notify);
    const keys = files.map((f) => path.normalize(f));
    for (const k of keys) inFlight.set(k, run);
    const clear = () => {
      for (const k of keys) if (inFlight.get(k) === run) inFlight.delete(k);
    };
    run.then(clear, clear);
    return run;
  }

  async function settled(document: TextDocument): Promise<void> {
    const file = filePathOf(document.uri);
    if (!file) return;
    const files = [file, ...workspace.affectedBy(file)];
    if (queuedRunStarted && files.some((f) => queued.has(f))) await queuedRunStarted.promise;
    const runs = files.flatMap((f) => inFlight.get(f) ?? []);
    await Promise.all(runs.map((r) => r.catch(() => undefined)));
  }

  async function runFiles(files: readonly string[], notify: boolean): Promise<SimulationResults[]> {
    // What each file showed before: a file that had none of this scenario's problems gains some.
    const before = new Map<string, LocatedProblem[] | 'gained'>();
    const results: SimulationResults[] = [];
    for (const file of files) {
      for (const f of workspace.filesWithProblems(workspace.get(file))) if (!before.has(f)) before.set(f, workspace.problemsFor(f));
      const record = await workspace.run(file);
      if (!record) {
        results.push({ uri: fileUri(file), removed: true, errors: [], tests: [] });
        continue;
      }
      for (const f of workspace.filesWithProblems(record)) if (!before.has(f)) before.set(f, 'gained');
      results.push(toSimulationResults(record));
    }
    for (const [file, old] of before) if (old === 'gained' || !sameProblems(old, workspace.problemsFor(file))) republish(file);
    if (notify) for (const r of results) void connection.sendNotification(simulationResultsNotification, r);
    return results;
  }

  function republish(file: string): void {
    const doc = openDocument(file);
    if (doc) deps.revalidate(doc);
    else deps.publishClosed(fileUri(file), closedFileDiagnostics(file));
  }

  /** A file that is not open gets only our diagnostics, in the text the run read from disk. */
  function closedFileDiagnostics(file: string): Diagnostic[] {
    const docs = new Map<string, TextDocument>();
    const out: Diagnostic[] = [];
    for (const { problem, text } of workspace.problemsFor(file)) {
      let doc = docs.get(text);
      if (!doc) docs.set(text, (doc = TextDocument.create(fileUri(file), 'json', 0, text)));
      const d = toDiagnostic(doc, problem, deps.overrides());
      if (d) out.push(d);
    }
    return out;
  }

  function diagnosticsFor(document: TextDocument): Diagnostic[] {
    const file = filePathOf(document.uri);
    if (!file) return [];
    const text = document.getText();
    // Problems computed from another text are stale: a run for this text is already queued.
    return workspace
      .problemsFor(file)
      .filter((p) => p.text === text)
      .flatMap((p) => toDiagnostic(document, p.problem, deps.overrides()) ?? []);
  }

  // ---- what triggers a run ----

  /**
   * Scenarios to run for a change to `file`: a scenario seen for the first time runs once, so
   * the Test Explorer lists it; after that, only while runOnSave is on.
   */
  function affected(file: string): string[] {
    if (isScenarioPath(file) && !workspace.has(file)) {
      workspace.track(file);
      return [path.normalize(file)];
    }
    return runOnSave ? workspace.affectedBy(file) : [];
  }

  // Registered before startServer's own listeners (see schedule()).
  documents.onDidChangeContent((e) => {
    const file = filePathOf(e.document.uri);
    if (file) schedule(affected(file));
  });
  documents.onDidSave((e) => {
    const file = filePathOf(e.document.uri);
    if (file) schedule(affected(file));
  });
  documents.onDidClose((e) => {
    const file = filePathOf(e.document.uri);
    if (!file) return;
    // After startServer's close handler has cleared the document's diagnostics: the file is
    // read from disk again (unsaved edits are gone) and our problems stay in the Problems panel.
    setTimeout(() => {
      void runSafe(logger, 'simulation after close', undefined, undefined, async () => {
        const scenarios = workspace.affectedBy(file);
        if (scenarios.length > 0) await runNow(scenarios, true);
        if (workspace.problemsFor(file).length > 0) republish(file);
      });
    }, 0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    deps.onWatchedFiles?.(params.changes);
    void runSafe(logger, 'watched files', undefined, undefined, () => {
      const toRun = new Set<string>();
      for (const change of params.changes) {
        const file = filePathOf(change.uri);
        if (!file) continue;
        if (change.type === FileChangeType.Deleted && isScenarioPath(file)) {
          forget(file);
          continue;
        }
        if (change.type === FileChangeType.Created && isScenarioPath(file) && !inFolders(file)) continue;
        // An open document is the truth for its file: its edits already triggered runs.
        if (openDocument(file) && change.type === FileChangeType.Changed) continue;
        for (const s of affected(file)) toRun.add(s);
      }
      schedule([...toRun]);
    });
  });

  function forget(file: string): void {
    const record = workspace.forget(file);
    for (const f of workspace.filesWithProblems(record)) republish(f);
    if (record) void connection.sendNotification(simulationResultsNotification, { uri: fileUri(record.file), removed: true, errors: [], tests: [] });
  }

  function inFolders(file: string): boolean {
    return folders.some((f) => !path.relative(f, file).startsWith('..'));
  }

  async function discover(): Promise<void> {
    const { files, truncated } = await findScenarioFiles(folders);
    if (truncated) logger.error(`simulation: stopped looking for *.iamsim.json files after the folder limit; ${files.length} found.`);
    for (const f of files) workspace.track(f);
    // A tracked scenario that cannot be read any more is dropped by its run.
    await runNow(workspace.files, true);
  }

  connection.onRequest(runSimulationsRequest, (params, token) =>
    runSafe(logger, 'runSimulations', [] as SimulationResults[], token, async () => {
      await discovery;
      const files = params.uris ? params.uris.map(filePathOf).filter((f): f is string => f !== undefined) : workspace.files;
      for (const f of files) if (isScenarioPath(f)) workspace.track(f);
      return runNow(files, false);
    }),
  );

  return {
    initialize(params) {
      const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      folders = roots.map(filePathOf).filter((f): f is string => f !== undefined);
      watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      watchFolders = params.capabilities.workspace?.workspaceFolders === true;
    },
    start() {
      if (watchFiles) {
        // Scenarios created or deleted, and policies changed outside the editor (git, scripts);
        // a .tf file changed on disk can change what the open files of its module hold.
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json' }, { globPattern: '**/*.tf' }] });
      }
      if (watchFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
          folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => filePathOf(f.uri)).filter((f): f is string => f !== undefined)];
          for (const f of workspace.files) if (!inFolders(f) && !openDocument(f)) forget(f);
          discovery = runSafe(logger, 'scenario discovery', undefined, undefined, discover);
        });
      }
      discovery = runSafe(logger, 'scenario discovery', undefined, undefined, discover);
    },
    configure(raw) {
      const simulation = raw && typeof raw === 'object' ? (raw as { simulation?: { runOnSave?: unknown } }).simulation : undefined;
      runOnSave = simulation?.runOnSave !== false;
    },
    diagnosticsFor,
    settled,
  };
}

function sameProblems(a: readonly LocatedProblem[], b: readonly LocatedProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.text === b[i].text && JSON.stringify(p.problem) === JSON.stringify(b[i].problem));
}


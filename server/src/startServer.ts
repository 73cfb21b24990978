// Wires the connection: documents, settings, validation and the language features.
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { allProblems } from './analysis/region';
import { loadIamData } from './data/iamData';
import { loadTerraformParser } from './embedded/terraform/parser';
import { siblingTerraformTexts } from './embedded/terraform/siblings';
import { DocumentStore } from './documentStore';
import { createAccessChecks } from './features/accessChecks';
import { toDiagnostics } from './features/diagnostics';
import { codeActionsFor } from './features/codeActions';
import { codeLensesFor } from './features/codeLens';
import { completionFor } from './features/completion';
import { hoverFor } from './features/hover';
import { createSimulation } from './features/simulation';
import { registerSimulationRequests } from './features/simulationRequest';
import { findingDocUrl } from './lint';
import type { DocumentKind, PolicyModel } from './policy/model';
import { detectKind } from './policy/kinds';
import { documentInfoRequest, kindChoiceNotification, type InitializationOptions } from './protocol';
import { runSafe } from './runSafe';
import { defaultSettings, readSettings, type ServerSettings } from './settings';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const logger = { error: (m: string) => connection.console.error(m) };
  const settingsLog = (m: string) => connection.console.warn(m);
  let settings: ServerSettings = defaultSettings;
  let hostReportsJsonSyntax = false;
  let canPullConfiguration = false;
  let snippetSupport = false;

  const kindChoices = new Map<string, DocumentKind>();
  const iamData = loadIamData();
  iamData.catch((e) => logger.error(`loading the IAM service reference failed: ${e instanceof Error ? e.message : e}`));

  const kindOf = (uri: string, model: PolicyModel): DocumentKind =>
    kindChoices.get(uri) ?? detectKind(fileNameOf(uri), model, Object.entries(settings.documentKinds).map(([glob, kind]) => ({ glob, kind })));

  const store = new DocumentStore({
    kindOf,
    maxFileSize: () => settings.maxFileSize,
    lint: async () => ({ data: await iamData, ownAccounts: settings.ownAccounts }),
    isCurrent: (uri, version) => documents.get(uri)?.version === version,
    siblings: (uri) => {
      const file = filePathOf(uri);
      return file?.endsWith('.tf') ? siblingTerraformTexts(file, (f) => documents.all().find((d) => filePathOf(d.uri) === f)?.getText()) : [];
    },
  });

  // Scenario simulation (*.iamsim.json). Created before the document listeners below, so a run
  // queued by an edit finishes before that edit's validation merges the simulation diagnostics.
  const simulation = createSimulation({
    connection,
    documents,
    logger,
    revalidate: (doc) => scheduleValidation(doc),
    overrides: () => settings.diagnostics,
    maxFileSize: () => settings.maxFileSize,
  });
  const accessChecks = createAccessChecks({ connection, documents, logger, iamData, analyze: async (doc) => (await store.get(doc)).analysis, revalidate: (doc) => scheduleValidation(doc), settings: () => settings });
  registerSimulationRequests({ connection, documents, logger, policyOf: async (doc) => (await store.get(doc)).analysis.regions[0] });

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    hostReportsJsonSyntax = init.hostReportsJsonSyntax === true;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    simulation.initialize(params);
    return {
      capabilities: {
        // Saves re-run the scenario simulations that read the saved file.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // Editing help (hover, completion, quick fixes).
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        // One lens per policy inside a template or a .tf file.
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'iam-sts-studio' },
    };
  });

  connection.onInitialized(() => {
    void refreshSettings();
    // Scenarios may name policies inside .tf files: their first run waits for the Terraform parser.
    void loadTerraformParser()
      .catch((e) => logger.error(`loading the Terraform parser failed: ${e instanceof Error ? e.message : e}`))
      .finally(() => simulation.start());
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) {
      settings = readSettings((change.settings as { iamSts?: unknown } | undefined)?.iamSts, settingsLog);
      simulation.configure((change.settings as { iamSts?: unknown } | undefined)?.iamSts);
      revalidateAll();
    } else {
      void refreshSettings();
    }
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const raw = await runSafe(logger, 'configuration', undefined, undefined, () => connection.workspace.getConfiguration('iamSts'));
    settings = readSettings(raw, settingsLog);
    simulation.configure(raw);
    revalidateAll();
  }

  function revalidateAll(): void {
    store.clear();
    for (const doc of documents.all()) scheduleValidation(doc);
  }

  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  // Coalesces bursts of edits without delaying a single edit: validation runs on the next turn.
  /** The version whose diagnostics were last published, per document; `republish` forces the next one. */
  const published = new Map<string, number>();
  const republish = new Set<string>();
  /** When each document last changed, and to which version. */
  const lastChange = new Map<string, { at: number; version: number }>();
  const BURST_MS = 25;

  /** `force`: publish even when this version's diagnostics were published (settings, scenarios or checks changed them). */
  function scheduleValidation(document: TextDocument, force = true): void {
    if (force) republish.add(document.uri);
    const queued = pending.get(document.uri);
    if (queued) clearTimeout(queued);
    // A keystroke is validated at once when the server has caught up with the one before it (its
    // diagnostics are out): typing, however fast, then never waits for a timer. Edits that follow
    // each other within BURST_MS while the previous one is still being validated (a paste, a
    // replace-all, a client sending many changes) wait for the burst to end, so only its last
    // version is analysed and published.
    const now = performance.now();
    const previous = lastChange.get(document.uri);
    const inBurst = !force && previous !== undefined && now - previous.at < BURST_MS && published.get(document.uri) !== previous.version;
    if (!force) lastChange.set(document.uri, { at: now, version: document.version });
    pending.set(
      document.uri,
      setTimeout(
        () => {
          pending.delete(document.uri);
          void validate(document);
        },
        inBurst ? BURST_MS : 0,
      ),
    );
  }

  async function validate(document: TextDocument): Promise<void> {
    await runSafe(logger, `validation of ${document.uri}`, undefined, undefined, async () => {
      const analyzed = await store.get(document);
      await simulation.settled(document);
      const current = documents.get(document.uri);
      if (!current || current.version !== analyzed.version) return; // a newer version is on its way
      // Validations queued by earlier versions all end on the current one: publish it once.
      if (published.get(document.uri) === analyzed.version && !republish.delete(document.uri)) return;
      published.set(document.uri, analyzed.version);
      const { analysis } = analyzed;
      let problems = allProblems(analysis);
      if (hostReportsJsonSyntax) problems = problems.filter((p) => p.source !== 'syntax');
      if (analysis.skippedTooLarge && document.getText().includes('"Statement"')) {
        problems = [
          {
            source: 'syntax',
            code: 'FILE_TOO_LARGE',
            type: 'SUGGESTION',
            message: `Not validated: the file is ${(document.getText().length / 1024 / 1024).toFixed(1)} MB, over the iamSts.maxFileSize limit of ${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB. No IAM policy is this large.`,
            range: { start: 0, end: 1 },
          },
        ];
      }
      await connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: [
          ...toDiagnostics(document, problems, { overrides: settings.diagnostics, docUrl: (code) => findingDocUrl(code) }),
          ...simulation.diagnosticsFor(document),
          ...(await accessChecks.diagnosticsFor(document, analysis)),
        ],
      });
    });
  }

  documents.onDidChangeContent((e) => scheduleValidation(e.document, false));
  documents.onDidClose((e) => {
    const t = pending.get(e.document.uri);
    if (t) clearTimeout(t);
    pending.delete(e.document.uri);
    published.delete(e.document.uri);
    republish.delete(e.document.uri);
    lastChange.delete(e.document.uri);
    store.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onRequest(documentInfoRequest, (params) =>
    runSafe(logger, 'documentInfo', { kind: undefined, problemCount: 0 }, undefined, async () => {
      const doc = documents.get(params.uri);
      if (!doc) return { kind: undefined, problemCount: 0 };
      const { analysis } = await store.get(doc);
      // A template or a .tf file has no one kind: each of its policies has its own.
      const policyFile = analysis.host === 'policy' ? analysis.regions[0] : undefined;
      return { kind: policyFile?.kind, problemCount: allProblems(analysis).length, kindSource: kindChoices.has(params.uri) ? ('choice' as const) : ('detected' as const) };
    }),
  );

  connection.onNotification(kindChoiceNotification, (params) => {
    if (params.kind) kindChoices.set(params.uri, params.kind);
    else kindChoices.delete(params.uri);
    store.forget(params.uri);
    const doc = documents.get(params.uri);
    if (doc) scheduleValidation(doc);
  });

  // Editing help: hover, completion and quick fixes read the same cached analysis as validation.
  connection.onHover((params, token) =>
    runSafe(logger, 'hover', null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? hoverFor(await store.get(doc), params, await iamData) : null;
    }),
  );
  connection.onCompletion((params, token) =>
    runSafe(logger, 'completion', null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? completionFor(await store.get(doc), params, await iamData, snippetSupport) : null;
    }),
  );
  connection.onCodeAction((params, token) =>
    runSafe(logger, 'codeAction', [], token, async () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeActionsFor(await store.get(doc), params) : [];
    }),
  );

  connection.onCodeLens((params, token) =>
    runSafe(logger, 'codeLens', [], token, async () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? codeLensesFor(await store.get(doc), settings.diagnostics) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}

function filePathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

function fileNameOf(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

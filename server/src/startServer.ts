// Wires the connection: documents, settings, validation and the language features.
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { allProblems } from './analysis/region';
import { loadIamData, type IamData } from './data/iamData';
import { loadTerraformParser } from './embedded/terraform/parser';
import { siblingTerraformTexts } from './embedded/terraform/siblings';
import { DocumentStore } from './documentStore';
import { createAccessChecks } from './features/accessChecks';
import { createDiagnosticDelivery } from './features/diagnosticDelivery';
import { toDiagnostics } from './features/diagnostics';
import { codeActionsFor } from './features/codeActions';
import { codeLensesFor } from './features/codeLens';
import { completionFor } from './features/completion';
import { hoverFor } from './features/hover';
import { registerKnownRoles } from './features/knownRoles';
import { createSimulation } from './features/simulation';
import { registerSimulationRequests } from './features/simulationRequest';
import { findingDocUrl } from './lint';
import type { DocumentKind, PolicyModel } from './policy/model';
import { detectKind } from './policy/kinds';
import { documentInfoRequest, kindChoiceNotification, type InitializationOptions } from './protocol';
import { runSafe } from './runSafe';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { filePathOf } from './fileUri';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const logger = { error: (m: string) => connection.console.error(m) };
  const settingsLog = (m: string) => connection.console.warn(m);
  let settings: ServerSettings = defaultSettings;
  let hostReportsJsonSyntax = false;
  let canPullConfiguration = false;
  let snippetSupport = false;

  const kindChoices = new Map<string, DocumentKind>();
  // The service reference (an 8 MB file, ~150 ms to parse) loads before the server answers
  // `initialize`: loading it afterwards made the server busy exactly when the editor sends its
  // first requests (the documents open, their code lenses and diagnostics), and a template's code
  // lens came late or not at all in the real VS Code.
  const iamData: Promise<IamData> = loadIamData();
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
      if (!file?.endsWith('.tf')) return [];
      // The open files of the folder, found once: not once per sibling among all open documents.
      const dir = path.dirname(file);
      const open = new Map<string, TextDocument>();
      for (const d of documents.all()) {
        const f = d.uri.endsWith('.tf') ? filePathOf(d.uri) : undefined;
        if (f && path.dirname(f) === dir) open.set(f, d);
      }
      return siblingTerraformTexts(file, (f) => open.get(f)?.getText(), settings.maxFileSize);
    },
  });

  const delivery = createDiagnosticDelivery({ connection, documents, logger, compute: (doc) => diagnosticsOf(doc) });

  // Scenario simulation (*.iamsim.json). Created before the document listeners below, so a run
  // queued by an edit finishes before that edit's validation merges the simulation diagnostics.
  const simulation = createSimulation({
    connection,
    documents,
    logger,
    revalidate: (doc) => delivery.invalidate(doc),
    publishClosed: (uri, diagnostics) => delivery.publishClosed(uri, diagnostics),
    overrides: () => settings.diagnostics,
    maxFileSize: () => settings.maxFileSize,
    onWatchedFiles: (changes) => {
      for (const change of changes) {
        const file = filePathOf(change.uri);
        // An open file's own edits already told its siblings.
        if (file?.endsWith('.tf') && !documents.get(change.uri)) revalidateTerraformSiblings(file, undefined);
      }
    },
  });
  const accessChecks = createAccessChecks({ connection, documents, logger, iamData, analyze: async (doc) => (await store.get(doc)).analysis, revalidate: (doc) => delivery.invalidate(doc), settings: () => settings });
  registerSimulationRequests({ connection, documents, logger, policyOf: async (doc) => (await store.get(doc)).analysis.regions[0] });
  let workspaceFolders: string[] = [];
  let foldersChange = false;
  registerKnownRoles({ connection, documents, logger, folders: () => workspaceFolders });

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    hostReportsJsonSyntax = init.hostReportsJsonSyntax === true;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    simulation.initialize(params);
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = roots.map(filePathOf).filter((f): f is string => f !== undefined);
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    const { diagnosticProvider } = delivery.initialize(params.capabilities);
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
        // Pulled when the client can pull (LSP 3.17), else pushed.
        ...(diagnosticProvider ? { diagnosticProvider } : {}),
      },
      serverInfo: { name: 'iam-sts-studio' },
    };
  });

  connection.onInitialized(() => {
    void refreshSettings();
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => filePathOf(f.uri)).filter((f): f is string => f !== undefined)];
      });
    }
    // Scenarios may name policies inside .tf files: their first run waits for the Terraform parser.
    void loadTerraformParser()
      .catch((e) => logger.error(`loading the Terraform parser failed: ${e instanceof Error ? e.message : e}`))
      .finally(() => simulation.start());
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) applySettings((change.settings as { iamSts?: unknown } | undefined)?.iamSts);
    else void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    applySettings(await runSafe(logger, 'configuration', undefined, undefined, () => connection.workspace.getConfiguration('iamSts')));
  }

  /**
   * Settings that are what they were re-validate nothing. The reads at start-up (after
   * `initialized`, and at the client's first configuration notification) mostly find the
   * settings unchanged; re-validating then sent every open document a second, identical report,
   * and the editor asks for code actions again at each report.
   */
  function applySettings(raw: unknown): void {
    const next = readSettings(raw, settingsLog);
    simulation.configure(raw);
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    revalidateAll();
  }

  function revalidateAll(): void {
    store.clear();
    delivery.invalidateAll();
  }

  /** This version's diagnostics: its analysis, the scenario runs that read it, the offline checks. */
  async function diagnosticsOf(document: TextDocument): Promise<Diagnostic[] | undefined> {
    const analyzed = await store.get(document);
    await simulation.settled(document);
    if (documents.get(document.uri)?.version !== analyzed.version) return undefined; // a newer version is on its way
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
    return [
      ...toDiagnostics(document, problems, { overrides: settings.diagnostics, docUrl: (code) => findingDocUrl(code) }),
      ...simulation.diagnosticsFor(document),
      ...(await accessChecks.diagnosticsFor(document, analysis)),
    ];
  }

  /**
   * The open `.tf` files of a changed `.tf` file's folder: one module, where a document's kind and
   * merged statements can come from the other files. Coalesced per folder, as keystrokes come.
   */
  const siblingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function revalidateTerraformSiblings(file: string, changedUri: string | undefined): void {
    const dir = path.dirname(file);
    clearTimeout(siblingTimers.get(dir));
    siblingTimers.set(
      dir,
      setTimeout(() => {
        siblingTimers.delete(dir);
        for (const doc of documents.all()) {
          const f = filePathOf(doc.uri);
          if (doc.uri === changedUri || !f?.endsWith('.tf') || path.dirname(f) !== dir) continue;
          store.forget(doc.uri);
          delivery.invalidate(doc);
        }
      }, SIBLING_DELAY_MS),
    );
  }
  const SIBLING_DELAY_MS = 100;
  const terraformFile = (uri: string) => {
    const f = filePathOf(uri);
    return f?.endsWith('.tf') ? f : undefined;
  };

  // Opening a .tf file tells its siblings nothing new (they read the same text from disk); only an
  // edit does, and closing an edited one (they go back to the disk's text). Re-validating every open
  // sibling on each open made opening a module's n files n² analyses.
  const justOpened = new Set<string>();
  const editedTerraform = new Set<string>();
  documents.onDidOpen((e) => {
    delivery.opened(e.document);
    justOpened.add(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    delivery.changed(e.document);
    if (justOpened.delete(e.document.uri)) return;
    const f = terraformFile(e.document.uri);
    if (!f) return;
    editedTerraform.add(e.document.uri);
    revalidateTerraformSiblings(f, e.document.uri);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    const f = terraformFile(e.document.uri);
    if (f && editedTerraform.delete(e.document.uri)) revalidateTerraformSiblings(f, e.document.uri);
    delivery.closed(e.document);
    store.forget(e.document.uri);
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
    if (doc) delivery.invalidate(doc);
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


function fileNameOf(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

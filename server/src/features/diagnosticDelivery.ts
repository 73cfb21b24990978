// Delivers diagnostics the way the client asks for them, as VS Code's JSON server does: pulled
// (LSP 3.17 textDocument/diagnostic) when the client declares it can pull and be told to pull
// again, pushed (textDocument/publishDiagnostics) otherwise. Both are debounced the same way.
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocument_pullDiagnostics
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DiagnosticOptions,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runSafe, type Logger } from '../runSafe';

export interface DiagnosticDeliveryDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: Logger;
  /** This version's diagnostics; undefined when a newer version arrived while they were computed. */
  compute(document: TextDocument): Promise<Diagnostic[] | undefined>;
}

export interface DiagnosticDelivery {
  /** From onInitialize: chooses pull or push; the capability to declare when pulling. */
  initialize(capabilities: ClientCapabilities): { diagnosticProvider?: DiagnosticOptions };
  readonly mode: 'push' | 'pull';
  /** The document's text changed. */
  changed(document: TextDocument): void;
  /** Something other than its text (settings, a scenario run, a check) changed its diagnostics. */
  invalidate(document: TextDocument): void;
  /** Settings changed: every open document's diagnostics. */
  invalidateAll(): void;
  opened(document: TextDocument): void;
  closed(document: TextDocument): void;
  /** Diagnostics for a file that is not open (a scenario's failures in a policy it read from disk). */
  publishClosed(uri: string, diagnostics: Diagnostic[]): void;
}

const nextCheckPhase = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Edits that follow each other within this are a burst: only its last version is analysed. */
export const BURST_MS = 25;

/** Pull needs both: the request, and the refresh that re-pulls when a scenario run or a setting changes diagnostics without an edit. */
export function clientPullsDiagnostics(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.diagnostic !== undefined && capabilities.workspace?.diagnostics?.refreshSupport === true;
}

export function createDiagnosticDelivery(deps: DiagnosticDeliveryDeps): DiagnosticDelivery {
  const { connection, documents, logger } = deps;
  let mode: 'push' | 'pull' = 'push';

  /** When each document last changed, and to which version. */
  const lastChange = new Map<string, { at: number; version: number }>();
  /** Whether the document's last edit is part of a burst (see noteChange). */
  const inBurst = new Set<string>();
  /** The version whose diagnostics were last published (push) or answered in full (pull), per document. */
  const published = new Map<string, number>();

  /**
   * A keystroke is validated at once when the server has caught up with the one before it (its
   * diagnostics are out): typing, however fast, then never waits for a timer. An edit that
   * arrives while the previous one is still being validated (a paste, a replace-all, a client
   * sending many changes, or typing faster than a large document validates) starts a burst,
   * which ends BURST_MS after its last edit: only its last version is analysed and delivered.
   * How far apart the edits arrive does not matter: a server short of CPU reads a client's
   * stream of changes with gaps, and must not deliver the versions between.
   */
  function noteChange(document: TextDocument): boolean {
    const uri = document.uri;
    const now = performance.now();
    const previous = lastChange.get(uri);
    const burst = previous !== undefined && published.get(uri) !== previous.version;
    lastChange.set(uri, { at: now, version: document.version });
    if (burst) inBurst.add(uri);
    else inBurst.delete(uri);
    return burst;
  }

  // ---- push ----

  /** The scheduled push of each document, cancelled by a later one. */
  const pending = new Map<string, () => void>();
  /** `republish` forces the next push of a version already published. */
  const republish = new Set<string>();

  function schedulePush(document: TextDocument, delay: number): void {
    pending.get(document.uri)?.();
    const run = () => {
      pending.delete(document.uri);
      void push(document);
    };
    // At once means the next check phase, after the messages already read: a timer of 0 waits a
    // millisecond at least, a third of a small policy's whole edit-to-diagnostics time.
    if (delay === 0) {
      const immediate = setImmediate(run);
      pending.set(document.uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      pending.set(document.uri, () => clearTimeout(timer));
    }
  }

  async function push(document: TextDocument): Promise<void> {
    await runSafe(logger, `validation of ${document.uri}`, undefined, undefined, async () => {
      const version = document.version;
      const diagnostics = await deps.compute(document);
      // A server starved of CPU runs its expired timers before it reads its input: let the edits
      // already received through (read in the poll phase, dispatched one per check phase) so a
      // version whose successor has arrived is not published.
      await nextCheckPhase();
      await nextCheckPhase();
      if (diagnostics === undefined || documents.get(document.uri)?.version !== version) return; // a newer version is on its way
      // Validations queued by earlier versions all end on the current one: publish it once.
      if (published.get(document.uri) === version && !republish.delete(document.uri)) return;
      published.set(document.uri, version);
      await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    });
  }

  // ---- pull ----

  /** Bumped when settings change; a document's own count when its diagnostics change without an edit. */
  let settingsGeneration = 0;
  let generations = 0;
  const documentGeneration = new Map<string, number>();
  /** Files whose diagnostics were pushed while closed: a pull client shows those apart from pulled ones. */
  const pushedClosed = new Set<string>();
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  // Per process: a restarted server never answers `unchanged` to a result id of the one before.
  const processTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const resultIdOf = (document: TextDocument) => `${processTag}.${settingsGeneration}.${documentGeneration.get(document.uri) ?? 0}.${document.version}`;

  /** One refresh for many invalidations (a scenario run touches many files). */
  function requestRefresh(): void {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      connection.languages.diagnostics.refresh();
    }, BURST_MS);
  }

  const cancelled = () => new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.', { retriggerRequest: false });
  // A version behind: the client pulls again (vscode-languageclient reschedules on this error).
  const stale = () => new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'The document changed.', { retriggerRequest: true });

  async function burstEnd(uri: string, token: CancellationToken): Promise<void> {
    while (inBurst.has(uri) && !token.isCancellationRequested) {
      const wait = (lastChange.get(uri)?.at ?? 0) + BURST_MS - performance.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  function registerPull(): void {
    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = resultIdOf(document);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      // The document object is updated in place by later edits: this pull is for this version.
      const version = document.version;
      const isStale = () => documents.get(document.uri)?.version !== version;
      await burstEnd(document.uri, token);
      if (token.isCancellationRequested) return cancelled();
      if (isStale()) return stale();
      const items = await runSafe(logger, `validation of ${document.uri}`, undefined, undefined, () => deps.compute(document));
      if (token.isCancellationRequested) return cancelled();
      if (items === undefined || isStale()) return stale();
      published.set(document.uri, version);
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    });
  }

  return {
    get mode() {
      return mode;
    },
    initialize(capabilities) {
      if (!clientPullsDiagnostics(capabilities)) return {};
      mode = 'pull';
      registerPull();
      // interFileDependencies: a scenario's failures land on the policies it reads, and a .tf
      // file's policies may come from its sibling files.
      return { diagnosticProvider: { identifier: 'iam-sts-studio', interFileDependencies: true, workspaceDiagnostics: false } };
    },
    changed(document) {
      const burst = noteChange(document);
      // A keystroke after a pause is validated at once; a burst waits for its end.
      if (mode === 'push') schedulePush(document, burst ? BURST_MS : 0);
    },
    invalidate(document) {
      if (mode === 'push') {
        republish.add(document.uri);
        schedulePush(document, 0);
        return;
      }
      documentGeneration.set(document.uri, ++generations);
      requestRefresh();
    },
    invalidateAll() {
      if (mode === 'push') {
        for (const doc of documents.all()) this.invalidate(doc);
        return;
      }
      settingsGeneration++;
      requestRefresh();
    },
    opened(document) {
      // A reopened document starts again at version 1: its result ids must not repeat.
      documentGeneration.set(document.uri, ++generations);
      if (mode === 'pull' && pushedClosed.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    },
    closed(document) {
      pending.get(document.uri)?.();
      pending.delete(document.uri);
      published.delete(document.uri);
      republish.delete(document.uri);
      lastChange.delete(document.uri);
      inBurst.delete(document.uri);
      documentGeneration.delete(document.uri);
      // A pull client drops a closed document's pulled diagnostics itself.
      if (mode === 'push') void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    },
    publishClosed(uri, diagnostics) {
      if (mode === 'pull') {
        if (diagnostics.length > 0) pushedClosed.add(uri);
        else if (!pushedClosed.delete(uri)) return;
      }
      void connection.sendDiagnostics({ uri, diagnostics });
    },
  };
}

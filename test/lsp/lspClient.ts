// A minimal LSP client for tests: spawns `node dist/server.js --stdio`, with the Node flags the VS Code
// client starts it with, and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const serverPath = path.resolve(__dirname, '../../dist/server.js');

export class TestLanguageClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly versions = new Map<string, number>();
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{ match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  stderr = '';
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];

  /** workspace/diagnostic/refresh requests received (a pull client only). */
  refreshes = 0;
  private readonly refreshWaiters: Array<() => void> = [];

  /** `pull`: declare LSP 3.17 pull diagnostics (and refresh), as vscode-languageclient does; else push only, as Neovim 0.7. */
  constructor(
    initializationOptions: object = {},
    public settings: object = {},
    private readonly options: { pull?: boolean; workspaceFolder?: string; server?: string } = {},
  ) {
    // `server`: another server module (the latency bench's schema-only reference), started as
    // VS Code starts its own JSON server: with Node's defaults.
    const args = options.server ? [options.server] : [...SERVER_NODE_FLAGS, serverPath];
    this.child = spawn(process.execPath, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((i) => (i.section === 'iamSts' ? this.settings : null)),
    );
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      for (const w of this.refreshWaiters.splice(0)) w();
    });
    this.connection.listen();
    this.initializationOptions = initializationOptions;
  }

  private readonly initializationOptions: object;

  /** The server's answer to initialize (its capabilities). */
  initializeResult: unknown;

  /** `workspaceFolder`: a folder path the server is told is the workspace (else the constructor's option). */
  async start(workspaceFolder = this.options.workspaceFolder): Promise<void> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).toString() : null,
      ...(workspaceFolder ? { workspaceFolders: [{ uri: pathToFileURL(workspaceFolder).href, name: 'workspace' }] } : {}),
      capabilities: this.options.pull
        ? { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } }
        : { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: this.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Opens a document without waiting for diagnostics (a pull client asks for them). */
  async openOnly(uri: string, text: string, languageId = 'json'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text without waiting for diagnostics; resolves with the new version. */
  async changeOnly(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** textDocument/diagnostic: the document's diagnostics, or `unchanged` since previousResultId. */
  pull(uri: string, previousResultId?: string, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }, token);
  }

  /** Resolves at the next workspace/diagnostic/refresh request. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  /** Opens a document and resolves with the diagnostics published for this version. */
  async open(uri: string, text: string, languageId = 'json'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return (await published).diagnostics;
  }

  /** Replaces the whole text; resolves with the diagnostics published for the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return (await published).diagnostics;
  }

  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ match: (p) => p.uri === uri && (version === undefined || p.version === version), resolve }));
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }
}

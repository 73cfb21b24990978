// Analysed documents cached by uri and version: validation, hover, completion and code lenses
// share one analysis, which holds every policy region of the document.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from './analysis/analyzeDocument';
import type { LintInputs } from './analysis/analyzePolicy';
import type { DocumentAnalysis } from './analysis/region';
import type { DocumentKind, PolicyModel } from './policy/model';
import { CancelledWork } from './runSafe';

export interface AnalyzedDocument {
  uri: string;
  version: number;
  textDocument: TextDocument;
  analysis: DocumentAnalysis;
}

export interface DocumentStoreOptions {
  kindOf: (uri: string, model: PolicyModel) => DocumentKind;
  maxFileSize: () => number;
  /** What the linter needs; awaited per analysis (the data loads once, at start). */
  lint?: () => Promise<LintInputs>;
  /** For a `.tf` document: the other `.tf` files of its folder. */
  siblings?: (uri: string) => readonly string[];
  /** Whether this version is still the document's latest; an analysis of a stale one is abandoned. */
  isCurrent?: (uri: string, version: number) => boolean;
}

/** An analysis abandoned because a newer version of its document arrived. */
export class StaleVersionError extends CancelledWork {}

/** How long one analysis runs before it lets other requests (hover on another document) through. */
const SLICE_MS = 10;

export class DocumentStore {
  private readonly cache = new Map<string, Promise<AnalyzedDocument>>();

  constructor(private readonly options: DocumentStoreOptions) {}

  get(document: TextDocument): Promise<AnalyzedDocument> {
    const key = document.uri;
    const cached = this.cache.get(key);
    if (cached) {
      // An abandoned (stale) analysis rejects: this version's is started instead.
      return cached.then(
        (c) => (c.version === document.version ? c : this.analyze(document)),
        () => this.analyze(document),
      );
    }
    return this.analyze(document);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Drops every analysis, e.g. when settings that decide kinds change. */
  clear(): void {
    this.cache.clear();
  }

  private analyze(document: TextDocument): Promise<AnalyzedDocument> {
    // TextDocuments updates a document in place: its version and text when the analysis started
    // are the ones it describes, whatever arrives while it runs.
    const version = document.version;
    const text = document.getText();
    const promise = (async () => {
      const analysis = await analyzeDocument(text, document.uri, {
        kindOf: (model) => this.options.kindOf(document.uri, model),
        maxFileSize: this.options.maxFileSize(),
        textDocument: document,
        lint: await this.options.lint?.(),
        siblings: () => this.options.siblings?.(document.uri) ?? [],
        pause: this.pauser(document.uri, version),
      });
      if (this.options.isCurrent && !this.options.isCurrent(document.uri, version)) throw new StaleVersionError(`${document.uri} version ${version} is stale`);
      return { uri: document.uri, version, textDocument: document, analysis };
    })();
    // A stale version's analysis must not push the current one out of the cache.
    const isCurrent = this.options.isCurrent;
    if (!isCurrent || isCurrent(document.uri, version)) this.cache.set(document.uri, promise);
    // Nobody may be waiting on an abandoned analysis; its rejection is not an error.
    promise.catch(() => undefined);
    return promise;
  }

  /** Yields to the event loop every SLICE_MS, and abandons the analysis once its version is stale. */
  private pauser(uri: string, version: number): () => Promise<void> {
    const isCurrent = this.options.isCurrent;
    let sliceStart = performance.now();
    return async () => {
      if (performance.now() - sliceStart < SLICE_MS) return;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      if (isCurrent && !isCurrent(uri, version)) throw new StaleVersionError(`${uri} version ${version} is stale`);
    };
  }
}

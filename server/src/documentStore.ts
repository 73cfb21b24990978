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

/**
 * How many analyses are kept, the most recently used first, and how much document text they may
 * describe together. An analysis is several times its text in memory; a user with hundreds of
 * policies open (or a workspace opened file by file by a script) must not hold every one. An
 * evicted document is analysed again when it is next asked for (a hover, a pull of its
 * diagnostics), as VS Code's own JSON server does with its cache of parsed documents.
 */
export const KEPT_ANALYSES = 32;
export const KEPT_TEXT_CHARS = 8 * 1024 * 1024;

interface Kept {
  analysis: Promise<AnalyzedDocument>;
  chars: number;
}

export class DocumentStore {
  /** In order of use, the least recent first (a Map keeps insertion order). */
  private readonly cache = new Map<string, Kept>();
  private keptChars = 0;

  constructor(private readonly options: DocumentStoreOptions) {}

  get(document: TextDocument): Promise<AnalyzedDocument> {
    const key = document.uri;
    const cached = this.cache.get(key);
    if (cached) {
      // Used now: it moves to the most recent end.
      this.cache.delete(key);
      this.cache.set(key, cached);
      // An abandoned (stale) analysis rejects: this version's is started instead.
      return cached.analysis.then(
        (c) => (c.version === document.version ? c : this.analyze(document)),
        () => this.analyze(document),
      );
    }
    return this.analyze(document);
  }

  /** How many analyses are kept now (for tests and the status). */
  get size(): number {
    return this.cache.size;
  }

  forget(uri: string): void {
    const kept = this.cache.get(uri);
    if (!kept) return;
    this.cache.delete(uri);
    this.keptChars -= kept.chars;
  }

  /** Drops every analysis, e.g. when settings that decide kinds change. */
  clear(): void {
    this.cache.clear();
    this.keptChars = 0;
  }

  private keep(uri: string, analysis: Promise<AnalyzedDocument>, chars: number): void {
    this.forget(uri);
    this.cache.set(uri, { analysis, chars });
    this.keptChars += chars;
    // The least recently used go first; the one just kept always stays.
    for (const [oldest, kept] of this.cache) {
      if (this.cache.size <= KEPT_ANALYSES && this.keptChars <= KEPT_TEXT_CHARS) break;
      if (oldest === uri) break;
      this.cache.delete(oldest);
      this.keptChars -= kept.chars;
    }
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
    if (!isCurrent || isCurrent(document.uri, version)) this.keep(document.uri, promise, text.length);
    // Nobody may be waiting on an abandoned analysis; its rejection is not an error.
    promise.catch(() => undefined);
    return promise;
  }

  /**
   * Yields to the event loop every SLICE_MS, and abandons the analysis once its version is stale.
   * Between slices it returns nothing, so that the caller need not await: the linter asks after
   * each of its ~150 rules, and an await each was a third of a small policy's analysis.
   */
  private pauser(uri: string, version: number): () => Promise<void> | undefined {
    const isCurrent = this.options.isCurrent;
    let sliceStart = performance.now();
    return () => {
      if (performance.now() - sliceStart < SLICE_MS) return undefined;
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        sliceStart = performance.now();
        if (isCurrent && !isCurrent(uri, version)) throw new StaleVersionError(`${uri} version ${version} is stale`);
      });
    };
  }
}

// Analysed documents cached by uri and version: validation, hover, completion and code lenses
// share one analysis, which holds every policy region of the document.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from './analysis/analyzeDocument';
import type { LintInputs } from './analysis/analyzePolicy';
import type { DocumentAnalysis } from './analysis/region';
import type { DocumentKind, PolicyModel } from './policy/model';

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
}

export class DocumentStore {
  private readonly cache = new Map<string, Promise<AnalyzedDocument>>();

  constructor(private readonly options: DocumentStoreOptions) {}

  get(document: TextDocument): Promise<AnalyzedDocument> {
    const key = document.uri;
    const cached = this.cache.get(key);
    if (cached) {
      return cached.then((c) => (c.version === document.version ? c : this.analyze(document)));
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
    const promise = (async () => {
      const analysis = await analyzeDocument(document.getText(), document.uri, {
        kindOf: (model) => this.options.kindOf(document.uri, model),
        maxFileSize: this.options.maxFileSize(),
        textDocument: document,
        lint: await this.options.lint?.(),
        siblings: () => this.options.siblings?.(document.uri) ?? [],
      });
      return { uri: document.uri, version: document.version, textDocument: document, analysis };
    })();
    this.cache.set(document.uri, promise);
    return promise;
  }
}

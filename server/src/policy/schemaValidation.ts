// Layer 1 of validation: the document kind's JSON Schema, through vscode-json-languageservice's
// public API only. Returns offset-based problems so the CLI and the LSP glue share it.
import { getLanguageService, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from './model';
import { allSchemas, schemaUri } from './schemas';

export interface SchemaProblem {
  message: string;
  range: { start: number; end: number };
  severity: 'error' | 'warning';
}

let service: LanguageService | undefined;

export function jsonLanguageService(): LanguageService {
  if (!service) {
    service = getLanguageService({
      // Every schema is given inline; nothing is ever fetched.
      schemaRequestService: (uri) => Promise.reject(new Error(`schema ${uri} is not bundled`)),
    });
    service.configure({ validate: true, allowComments: true, schemas: allSchemas() });
  }
  return service;
}

/**
 * Validates against the kind's schema. Syntax errors are left to the caller (the policy parser
 * reports them once); only schema problems are returned here.
 */
export async function validateAgainstSchema(
  document: TextDocument,
  jsonDocument: JSONDocument,
  kind: DocumentKind,
): Promise<SchemaProblem[]> {
  const settings = { comments: 'ignore', trailingCommas: 'ignore', schemaValidation: 'error' } as const;
  // A schema handed to doValidation is resolved afresh on every call (a new handle each time), which
  // cost ~0.1 s over a few thousand files. A service whose only association is the kind's schema
  // resolves it once. A document naming its own `$schema` would make that service use that schema
  // instead, so such documents keep the explicit (uncached) path.
  const diagnostics = namesOwnSchema(jsonDocument)
    ? await jsonLanguageService().doValidation(document, jsonDocument, settings, await schemaFor(kind))
    : await kindService(kind).doValidation(document, jsonDocument, settings);
  return diagnostics
    .filter((d) => !isSyntaxCode(d.code))
    .map((d) => ({
      message: typeof d.message === 'string' ? d.message : d.message.value,
      range: { start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) },
      severity: d.severity === 2 ? 'warning' : 'error',
    }));
}

const kindServices = new Map<DocumentKind, LanguageService>();

/** A service that validates every document against the kind's schema (and so keeps it resolved). */
function kindService(kind: DocumentKind): LanguageService {
  let ls = kindServices.get(kind);
  if (!ls) {
    ls = getLanguageService({ schemaRequestService: (uri) => Promise.reject(new Error(`schema ${uri} is not bundled`)) });
    const uri = schemaUri(kind);
    ls.configure({ validate: true, allowComments: true, schemas: allSchemas().map((s) => (s.uri === uri ? { ...s, fileMatch: ['*'] } : s)) });
    kindServices.set(kind, ls);
  }
  return ls;
}

function namesOwnSchema(jsonDocument: JSONDocument): boolean {
  const root = jsonDocument.root;
  return root?.type === 'object' && root.properties.some((p) => p.keyNode.value === '$schema');
}

const resolvedSchemas = new Map<DocumentKind, Promise<object>>();

function schemaFor(kind: DocumentKind): Promise<object> {
  let schema = resolvedSchemas.get(kind);
  if (!schema) {
    // A `$ref` wrapper lets the service resolve the shared definitions by their ids.
    schema = Promise.resolve({ $ref: schemaUri(kind) });
    resolvedSchemas.set(kind, schema);
  }
  return schema;
}

// vscode-json-languageservice's ErrorCode: 257–262 and 513–528 are syntax errors, which the policy
// parser already reports; DuplicateKey (520) is kept, it is a real problem in a policy.
function isSyntaxCode(code: string | number | undefined): boolean {
  return typeof code === 'number' && ((code >= 257 && code <= 262) || (code >= 513 && code <= 528 && code !== 520));
}

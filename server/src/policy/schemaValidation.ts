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
  const ls = jsonLanguageService();
  const diagnostics = await ls.doValidation(document, jsonDocument, { comments: 'ignore', trailingCommas: 'ignore', schemaValidation: 'error' }, await schemaFor(kind));
  return diagnostics
    .filter((d) => !isSyntaxCode(d.code))
    .map((d) => ({
      message: typeof d.message === 'string' ? d.message : d.message.value,
      range: { start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) },
      severity: d.severity === 2 ? 'warning' : 'error',
    }));
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

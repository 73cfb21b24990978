// Layer 1 of validation: the document kind's JSON Schema, through vscode-json-languageservice's
// public API only. Returns offset-based problems so the CLI and the LSP glue share it.
import type { ValidateFunction } from 'ajv';
import type { Node } from 'jsonc-parser';
import path from 'node:path';
import {
  DiagnosticSeverity,
  ErrorCode,
  getLanguageService,
  type ASTNode,
  type Diagnostic,
  type JSONDocument,
  type LanguageService,
} from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from './model';
import type { ParsedPolicyText } from './parse';
import { allSchemas, kindSchemas, schemaUri } from './schemas';

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
 * Layer 1 for a parsed policy: the language service's schema problems. Most documents have none,
 * and the service's walk (it tracks every schema each node matches, for hover and completion)
 * costs ~0.3 s over the 2,212-file corpus. So a document is first put to Ajv's compiled
 * validator for the same schema files: when the text is strict JSON without duplicate keys and
 * Ajv finds it valid, the service has nothing to say either (tested over the corpus and the
 * schema cases) and is not asked. Every other document gets the service's own diagnostics.
 */
export async function schemaProblems(parsed: ParsedPolicyText, document: TextDocument, kind: DocumentKind): Promise<SchemaProblem[]> {
  if (provablyValid(parsed, kind)) return [];
  return validateAgainstSchema(document, jsonDocumentFromTree(parsed.root, document), kind);
}

/** Whether the document is valid against the kind's schema and holds nothing else the service reports. */
export function provablyValid(parsed: ParsedPolicyText, kind: DocumentKind): boolean {
  // Only strict JSON (comments and trailing commas are left to the service), without duplicate keys.
  if (!parsed.root || !parsed.json || hasDuplicateKeys(parsed.root)) return false;
  return compiledSchema(kind)?.(parsed.json.value) === true;
}

/**
 * Any key twice in one object, `//` included: the service does not warn about a repeated `//`,
 * but it validates both values while JSON.parse (and so Ajv) sees only the last.
 */
function hasDuplicateKeys(node: Node): boolean {
  const children = node.children;
  if (!children) return false;
  if (node.type === 'object') {
    const seen = new Set<unknown>();
    for (const property of children) {
      const key = property.children?.[0]?.value;
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  for (const child of children) if (hasDuplicateKeys(child)) return true;
  return false;
}

// Defined by esbuild.mjs in the bundles only: the validators the build compiled, beside the bundle.
declare const IAMSTS_BUNDLED_SCHEMA_VALIDATORS: string | undefined;

let validators: Partial<Record<string, ValidateFunction>> | undefined;

/** The kind's compiled validator; undefined (every document then goes to the service) if the build's file is missing. */
function compiledSchema(kind: DocumentKind): ValidateFunction | undefined {
  if (!validators) {
    if (typeof IAMSTS_BUNDLED_SCHEMA_VALIDATORS === 'string') {
      try {
        validators = require(path.join(__dirname, IAMSTS_BUNDLED_SCHEMA_VALIDATORS)) as Record<string, ValidateFunction>;
      } catch {
        validators = {};
      }
    } else {
      // Run from source: compile the same schema files now. Not strict: they carry the service's
      // own keywords (markdownDescription, errorMessage).
      const { default: Ajv } = require('ajv') as typeof import('ajv');
      const ajv = new Ajv({ strict: false });
      for (const { schema } of allSchemas()) ajv.addSchema(schema);
      validators = Object.fromEntries(Object.keys(kindSchemas).map((k) => [k, ajv.getSchema(schemaUri(k as DocumentKind))!]));
    }
  }
  return validators[kind];
}

/**
 * The JSON language service's document for the tree the policy parser built, through the
 * service's `newJSONDocument`: one parse of the text serves the policy model and the schema
 * (the service's own parse cost ~0.14 s over the 2,212-file corpus). The service's parser also
 * reports duplicate keys; they are found here the same way, with its message and code.
 */
export function jsonDocumentFromTree(root: Node | undefined, document: TextDocument): JSONDocument {
  const text = document.getText();
  const duplicates: Diagnostic[] = [];
  const duplicate = (key: ASTNode) =>
    duplicates.push({
      range: { start: document.positionAt(key.offset), end: document.positionAt(key.offset + key.length) },
      message: 'Duplicate object key',
      severity: DiagnosticSeverity.Warning,
      code: ErrorCode.DuplicateKey,
      source: document.languageId,
    });
  const convert = (node: Node, parent: ASTNode | undefined): ASTNode => {
    const { type, offset, length } = node;
    switch (type) {
      case 'object': {
        const properties: ASTNode[] = [];
        const out = { type, offset, length, parent, properties, children: properties } as ASTNode;
        const seen = new Map<string, ASTNode | true>();
        for (const child of node.children ?? []) {
          if (child.type !== 'property' || !child.children?.length) continue;
          const property = convert(child, out);
          properties.push(property);
          const key = (property as { keyNode: ASTNode }).keyNode;
          const name = key.value as string;
          if (name === '//') continue;
          const first = seen.get(name);
          if (first === undefined) {
            seen.set(name, key);
          } else {
            duplicate(key);
            if (first !== true) duplicate(first);
            seen.set(name, true);
          }
        }
        return out;
      }
      case 'property': {
        const out = { type, offset, length, parent, colonOffset: node.colonOffset, children: [] as ASTNode[] } as ASTNode & { children: ASTNode[]; keyNode: ASTNode; valueNode?: ASTNode };
        out.keyNode = convert(node.children![0], out);
        out.children.push(out.keyNode);
        if (node.children![1]) {
          out.valueNode = convert(node.children![1], out);
          out.children.push(out.valueNode);
        }
        return out;
      }
      case 'array': {
        const items: ASTNode[] = [];
        const out = { type, offset, length, parent, items, children: items } as ASTNode;
        for (const child of node.children ?? []) items.push(convert(child, out));
        return out;
      }
      case 'number':
        // As the service's parser decides it: no decimal point (an exponent still counts as an integer).
        return { type, offset, length, parent, value: node.value, isInteger: !text.slice(offset, offset + length).includes('.') } as ASTNode;
      default:
        return { type, offset, length, parent, value: node.value } as ASTNode;
    }
  };
  return jsonLanguageService().newJSONDocument(root && convert(root, undefined), duplicates, []);
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

// The latency bench's reference server: vscode-json-languageservice validating each document with
// our schema for its kind and nothing else, behind the same stdio JSON-RPC connection as ours
// (vscode-languageserver), publishing on every change without delay. Bundled and run as ours is
// (latency.ts), so that both sides pay the same transport and only the work differs.
// A YAML document (the CloudFormation template) is parsed with the yaml package and each of its
// policies validated as JSON with the schema of its kind, as a YAML server holding our schemas would.
import { createConnection, TextDocuments, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'vscode-json-languageservice';
import { parse as parseYaml } from 'yaml';
import { allSchemas, schemaUri } from '../../server/src/policy/schemas';
import type { DocumentKind } from '../../server/src/policy/model';

/** The policies of a CloudFormation template's roles, each with its kind. */
export function templatePolicies(text: string): Array<{ kind: DocumentKind; json: string }> {
  type Role = { Properties?: { AssumeRolePolicyDocument?: unknown; Policies?: Array<{ PolicyDocument?: unknown }> } };
  const template = parseYaml(text, { logLevel: 'silent' }) as { Resources?: Record<string, Role> } | null;
  const out: Array<{ kind: DocumentKind; json: string }> = [];
  for (const role of Object.values(template?.Resources ?? {})) {
    if (role?.Properties?.AssumeRolePolicyDocument) out.push({ kind: 'trust', json: JSON.stringify(role.Properties.AssumeRolePolicyDocument) });
    for (const p of role?.Properties?.Policies ?? []) if (p?.PolicyDocument) out.push({ kind: 'identity', json: JSON.stringify(p.PolicyDocument) });
  }
  return out;
}

/** One language service per kind, its schema matching every file. */
export function schemaOnlyServices(): Map<DocumentKind, LanguageService> {
  const services = new Map<DocumentKind, LanguageService>();
  for (const kind of ['trust', 'identity'] as DocumentKind[]) {
    const ls = getLanguageService({});
    const uri = schemaUri(kind);
    ls.configure({ validate: true, allowComments: true, schemas: allSchemas().map((s) => (s.uri === uri ? { ...s, fileMatch: ['*'] } : s)) });
    services.set(kind, ls);
  }
  return services;
}

async function validate(services: Map<DocumentKind, LanguageService>, doc: TextDocument): Promise<Diagnostic[]> {
  if (doc.languageId === 'yaml') {
    const out: Diagnostic[] = [];
    let n = 0;
    for (const p of templatePolicies(doc.getText())) {
      const ls = services.get(p.kind)!;
      const policy = TextDocument.create(`${doc.uri}#${n++}`, 'json', doc.version, p.json);
      out.push(...(await ls.doValidation(policy, ls.parseJSONDocument(policy), { schemaValidation: 'error' })));
    }
    return out;
  }
  const ls = services.get(/trust/i.test(doc.uri) ? 'trust' : 'identity')!;
  return ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'error' });
}

if (require.main === module) {
  const connection = createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const services = schemaOnlyServices();
  connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
  documents.onDidChangeContent(async ({ document }) => {
    const diagnostics = await validate(services, document);
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  });
  documents.listen(connection);
  connection.listen();
}

// Starts the policy language server (dist/server.js over IPC) for JSON documents, YAML and
// `.template` files (templates are told apart by their content, in the server: any other YAML or
// JSON file gets nothing from it, so the YAML extension's own features are left alone) and
// Terraform files by pattern, whatever language id a Terraform extension gives them.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import type { InitializationOptions } from '../../server/src/protocol';
import { snippetCodeActionsMiddleware } from './policyKind/snippetCodeActions';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { hostReportsJsonSyntax: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', pattern: '**/*.template' },
      { scheme: 'file', pattern: '**/*.tf' },
    ],
    synchronize: { configurationSection: 'iamSts' },
    initializationOptions,
    outputChannel: output,
    middleware: snippetCodeActionsMiddleware,
  };
  return new LanguageClient('iamSts', 'IAM STS Studio language server', serverOptions, clientOptions);
}

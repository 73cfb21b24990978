// The language server's entry point: builds the connection (stdio with --stdio, IPC from the
// VS Code client) and hands it to startServer.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

startServer(createConnection(ProposedFeatures.all));

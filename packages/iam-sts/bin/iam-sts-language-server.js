#!/usr/bin/env node
// The language server for any LSP client. It speaks over stdio unless told otherwise
// (--node-ipc, --socket=N, --pipe=NAME), so `iam-sts-language-server` alone works as an editor command.
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
require('../dist/server.js');

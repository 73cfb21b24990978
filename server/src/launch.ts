// How the language server's Node process is started: by the VS Code client, and by the tests and
// benchmarks that measure it as VS Code runs it.

/**
 * V8 lets each half of its young generation grow to 16 MB on a 64-bit machine. The server
 * allocates in short bursts (an analysis per keystroke, a workspace of documents on open), so its
 * young generation grows to that size and stays there: measured after opening the 2,532 corpus
 * documents, the server's RSS was 203 to 240 MB by default and 179 to 204 MB with 4 MB halves,
 * with the same edit latency (bench:lsp). 4 MB is V8's own default on machines with little memory.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

// How the language server's Node process is started: by the VS Code client, and by the tests and
// benchmarks that measure it as VS Code runs it.

/**
 * V8 lets each half of its young generation grow to 16 MB on a 64-bit machine. The server
 * allocates in short bursts (an analysis per keystroke, a workspace of documents on open), so its
 * young generation grows to that size and stays there: measured after opening the 2,532 corpus
 * documents, the server's RSS was 203 to 240 MB by default and 179 to 204 MB with 4 MB halves,
 * with the same edit latency (bench:lsp). 4 MB is V8's own default on machines with little memory.
 */
//
// The old generation: V8 lets it grow by up to 4× its live size before the next full collection,
// and gives memory back only when its memory reducer runs, some 30 s after a burst. After the
// corpus, the RSS was 221-225 MB at once (132-133 MB 30 s later); with the growth bounded to 20%
// (`--heap-growing-percent=20`) it was 159-163 MB at once (132-133 MB later), in two alternating
// runs each, with the edit latency of bench:lsp within its goals (2 KB p95 6.4 ms, 189 KB 29.3 ms).
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=20'];

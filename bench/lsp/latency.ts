// Benchmark, not a test: how long after an edit the language server publishes diagnostics, over
// stdio against dist/server.js (run `npm run build` first). Targets from issue 3: a 2 KB policy
// within 10 ms, AWSSupportServiceRolePolicy (194 KB) within 100 ms, and a 5 MB file that does not
// hold up another document.
//
//   node --import tsx bench/lsp/latency.ts [--rounds N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestLanguageClient } from '../../test/lsp/lspClient';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 30;
const corpus = path.resolve(__dirname, '../../../shared/corpus');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function editLatency(client: TestLanguageClient, uri: string, text: string): Promise<number[]> {
  await client.open(uri, text);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate two texts so every edit really changes the document.
    const edited = i % 2 === 0 ? text.replace('"Version"', ' "Version"') : text;
    const start = performance.now();
    await client.change(uri, edited);
    times.push(performance.now() - start);
  }
  return times;
}

async function main(): Promise<void> {
  const client = new TestLanguageClient();
  await client.start();
  try {
    // Warm-up: the first analysis waits for the IAM service reference to load.
    const warm = performance.now();
    await client.open('file:///bench/warm.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
    console.log(`first diagnostics (service reference loading): ${(performance.now() - warm).toFixed(0)} ms`);

    const small = readFileSync(path.join(corpus, 'managed', 'AmazonS3ReadOnlyAccess.json'), 'utf8');
    const twoKb = small.length < 2048 ? small.replace('"Statement"', `"Id": "${'x'.repeat(2048 - small.length)}", "Statement"`) : small;
    const t2 = await editLatency(client, 'file:///bench/two-kb.json', twoKb);
    console.log(`2 KB policy (${twoKb.length} chars): median ${median(t2).toFixed(1)} ms, max ${Math.max(...t2).toFixed(1)} ms over ${rounds} edits (target 10 ms)`);

    const big = readFileSync(path.join(corpus, 'managed', 'AWSSupportServiceRolePolicy.json'), 'utf8');
    const tb = await editLatency(client, 'file:///bench/support.json', big);
    console.log(`AWSSupportServiceRolePolicy (${(big.length / 1024).toFixed(0)} KB): median ${median(tb).toFixed(1)} ms, max ${Math.max(...tb).toFixed(1)} ms over ${rounds} edits (target 100 ms)`);

    const statement = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},';
    const huge = `{"Version": "2012-10-17", "Statement": [${statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length))}{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`;
    const hugeOpened = client.open('file:///bench/huge.json', huge);
    const start = performance.now();
    await client.change('file:///bench/two-kb.json', twoKb.replace('"Version"', '  "Version"'));
    console.log(`2 KB policy edited while a 5 MB file opens: ${(performance.now() - start).toFixed(1)} ms`);
    await hugeOpened;
  } finally {
    await client.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

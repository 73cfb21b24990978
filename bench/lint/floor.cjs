// The floor the CLI's lint is measured against: a Node process that only reads and
// jsonc-parser-parses the bytes the CLI lints (the same walk, the same file names), and prints
// how many bytes it read. Run by bench/lint/process.ts.
//   node bench/lint/floor.cjs <file or folder>…
const fs = require('node:fs');
const path = require('node:path');
const { parseTree } = require('jsonc-parser');

// The CLI lints *.json except scenarios (server/src/cli/lint.ts); keep this in step with it.
const linted = (name) => name.endsWith('.json') && !name.endsWith('.iamsim.json');
let bytes = 0;
let nodes = 0;
function visit(p) {
  const st = fs.statSync(p);
  if (st.isDirectory()) for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
  else if (st.isFile() && linted(p)) {
    const text = fs.readFileSync(p, 'utf8');
    bytes += Buffer.byteLength(text);
    if (parseTree(text, [], { allowTrailingComma: true })) nodes++;
  }
}
for (const p of process.argv.slice(2)) visit(p);
process.stdout.write(JSON.stringify({ bytes, parsed: nodes }));

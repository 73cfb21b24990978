// One body of IAM knowledge, kept by the import graph: what the linter, the hovers and the
// simulator all need (operators, wildcards, ARNs, principals, key docs) lives below them, in
// iam/, data/ and policy/, and no layer reaches up into lint/'s internals. Read from the source
// files themselves, so a new import that breaks the layering fails here.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../../server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import('…')` and `require('…')`. */
function importedModules(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** The top folder under server/src that each relative import of `layer` lands in, with the importing file. */
function reachedLayers(layer: string): Array<{ file: string; target: string }> {
  const out: Array<{ file: string; target: string }> = [];
  for (const file of sourceFiles(join(SRC, layer))) {
    for (const spec of importedModules(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0];
      out.push({ file: relative(SRC, file), target });
    }
  }
  return out;
}

// Layer → the layers it must never import. The engine and the hovers share the linter's
// knowledge only through the layers below all three.
const FORBIDDEN: Record<string, string[]> = {
  explain: ['lint'],
  engine: ['lint', 'explain', 'checks'],
  policy: ['lint', 'explain', 'engine', 'checks'],
  iam: ['lint', 'explain', 'engine', 'checks', 'policy', 'data'],
  data: ['lint', 'explain', 'engine', 'checks'],
};

describe('layering', () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    it(`${layer}/ imports nothing from ${forbidden.join(', ')}`, () => {
      const edges = reachedLayers(layer);
      assert.ok(edges.length > 0, `${layer}/ has relative imports to check`);
      const bad = edges.filter((e) => forbidden.includes(e.target)).map((e) => `${e.file} → ${e.target}/`);
      assert.deepEqual(bad, []);
    });
  }

  it('the reader sees every kind of import, so the check above can fail', () => {
    const text = "import { a } from '../lint/x';\nexport { b } from \"../lint/y\";\nconst c = require('../lint/z');\nimport '../lint/w';\nawait import('../lint/v');";
    assert.deepEqual(importedModules(text).sort(), ['../lint/v', '../lint/w', '../lint/x', '../lint/y', '../lint/z']);
  });
});

// The Terraform grammar (tree-sitter-hcl's `tree-sitter-terraform.wasm`) through web-tree-sitter:
// it keeps a tree on broken input and gives offsets in UTF-16 code units, as the editor counts.
// The bundles carry the two .wasm files beside them (esbuild.mjs copies them); run from source,
// they are read from node_modules.
import path from 'node:path';
import type { Parser as ParserType, Tree } from 'web-tree-sitter';

// Required, not imported: the bundler then takes the package's CommonJS build (its ES build
// locates itself with import.meta.url, which a CommonJS bundle does not have).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Language, Parser } = require('web-tree-sitter') as typeof import('web-tree-sitter');

// Defined by esbuild.mjs in the bundles only: the .wasm files sit beside the bundle.
declare const IAMSTS_BUNDLED_WASM: boolean | undefined;

const GRAMMAR = 'tree-sitter-terraform.wasm';

function wasmPath(file: string): string {
  if (typeof IAMSTS_BUNDLED_WASM === 'boolean' && IAMSTS_BUNDLED_WASM) return path.join(__dirname, file);
  const modules = path.resolve(__dirname, '..', '..', '..', '..', 'node_modules');
  return file === GRAMMAR ? path.join(modules, '@tree-sitter-grammars', 'tree-sitter-hcl', GRAMMAR) : path.join(modules, 'web-tree-sitter', file);
}

let parser: Promise<ParserType> | undefined;
let loaded: ParserType | undefined;

/** Loads the parser once; later parses are synchronous. */
export function loadTerraformParser(): Promise<ParserType> {
  parser ??= (async () => {
    await Parser.init({ locateFile: (file: string) => wasmPath(file) });
    const language = await Language.load(wasmPath(GRAMMAR));
    const p = new Parser();
    p.setLanguage(language);
    loaded = p;
    return p;
  })();
  return parser;
}

/** The file's syntax tree; the caller deletes it when done (its memory is the wasm module's). */
export async function parseTerraform(text: string): Promise<Tree | undefined> {
  return (await loadTerraformParser()).parse(text) ?? undefined;
}

/** As parseTerraform, once the parser is loaded; 'not loaded' before. */
export function parseTerraformNow(text: string): Tree | undefined | 'not loaded' {
  return loaded ? (loaded.parse(text) ?? undefined) : 'not loaded';
}

/**
 * As parseTerraformNow, reading only `ranges` of the text (sorted, apart): nodes keep their
 * offsets in the whole text. Used to skip the blocks that hold no policy (see blockRanges.ts).
 */
export function parseTerraformRangesNow(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Tree | undefined | 'not loaded' {
  if (!loaded) return 'not loaded';
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let line = 0;
  // Offsets only grow: the line of each is found by walking on from the last.
  const point = (offset: number) => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { row: line, column: offset - lineStarts[line] };
  };
  const includedRanges = ranges.map((r) => ({ startIndex: r.start, endIndex: r.end, startPosition: point(r.start), endPosition: point(r.end) }));
  return loaded.parse(text, null, { includedRanges }) ?? undefined;
}

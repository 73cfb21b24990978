// The documents the fuzzer starts from: the shared corpus when it is there (each engineer's
// checkout finds it differently, hence the candidates), else the project's own examples and
// fixtures, so the fuzzer always has something to mutate.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const CANDIDATES = [process.env.IAM_STS_CORPUS, path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')].filter((p): p is string => !!p);

/** Policy documents small enough to mutate thousands of times (under 16 KB). */
const MAX_SEED_BYTES = 16 * 1024;

export interface SeedDocument {
  name: string;
  text: string;
}

function jsonFilesUnder(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) jsonFilesUnder(full, out);
    else if (name.endsWith('.json') && st.size <= MAX_SEED_BYTES) out.push(full);
  }
}

export function seedDocuments(): { policies: SeedDocument[]; scenarios: SeedDocument[]; source: string } {
  const corpus = CANDIDATES.find((c) => existsSync(path.join(c, 'trust')));
  const files: string[] = [];
  if (corpus) for (const folder of ['trust', 'scp', 'rcp', 'resource', 'identity-docs', 'managed']) jsonFilesUnder(path.join(corpus, folder), files);
  jsonFilesUnder(path.join(ROOT, 'examples'), files);
  const read = (f: string): SeedDocument => ({ name: path.relative(corpus && f.startsWith(corpus) ? corpus : ROOT, f), text: readFileSync(f, 'utf8') });
  const all = files.map(read);
  return {
    policies: all.filter((d) => !d.name.endsWith('.iamsim.json') && d.text.includes('"Statement"')),
    scenarios: all.filter((d) => d.name.endsWith('.iamsim.json')),
    source: corpus ?? 'examples',
  };
}

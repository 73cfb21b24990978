// Every JSON file the parser tests read: the shared corpus, the test fixtures and the examples.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

export function corpusFixtureAndExampleJsonFiles(): string[] {
  const root = path.resolve(__dirname, '../../..');
  return [...jsonFiles(path.resolve(root, '../shared/corpus')), ...jsonFiles(path.join(root, 'test/fixtures')), ...jsonFiles(path.join(root, 'examples'))];
}

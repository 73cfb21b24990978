// Document uris as file paths, for the features that read a document's folder from disk.
import path from 'node:path';
import { URI } from 'vscode-uri';

/**
 * Paths already worked out, by uri: features look documents up by path among all the open ones
 * (a module's siblings, a scenario's policies), and parsing a uri costs a few microseconds, which
 * thousands of open documents times hundreds of lookups made into seconds. Bounded: a client
 * that opens ever new uris cannot grow it.
 */
const known = new Map<string, string | undefined>();
const KNOWN_KEPT = 16_384;

/** The file path of a `file:` uri; undefined for untitled documents, other schemes and bad uris. */
export function filePathOf(uri: string): string | undefined {
  if (known.has(uri)) return known.get(uri);
  let file: string | undefined;
  try {
    const parsed = URI.parse(uri);
    file = parsed.scheme === 'file' ? path.normalize(parsed.fsPath) : undefined;
  } catch {
    file = undefined;
  }
  if (known.size >= KNOWN_KEPT) known.clear();
  known.set(uri, file);
  return file;
}

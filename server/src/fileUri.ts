// Document uris as file paths, for the features that read a document's folder from disk.
import path from 'node:path';
import { URI } from 'vscode-uri';

/** The file path of a `file:` uri; undefined for untitled documents, other schemes and bad uris. */
export function filePathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? path.normalize(parsed.fsPath) : undefined;
  } catch {
    return undefined;
  }
}

// Finds scenario files (`*.iamsim.json`) under the workspace folders with node fs. Bounded:
// a huge folder (a monorepo, a home directory opened by mistake) must not stall the server.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const SCENARIO_SUFFIX = '.iamsim.json';

export interface DiscoveryLimits {
  /** Folders read at most, over all workspace folders. */
  maxFolders: number;
  maxDepth: number;
}

export const DEFAULT_DISCOVERY_LIMITS: DiscoveryLimits = { maxFolders: 5000, maxDepth: 12 };

export function isScenarioPath(file: string): boolean {
  return file.toLowerCase().endsWith(SCENARIO_SUFFIX);
}

/** Folders never worth walking: dependencies and tool state (dot folders: .git, .cache, .vscode …). */
function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export function findScenarioFiles(folders: readonly string[], limits: DiscoveryLimits = DEFAULT_DISCOVERY_LIMITS): Promise<{ files: string[]; truncated: boolean }> {
  return findWorkspaceFiles(folders, isScenarioPath, limits);
}

/** Breadth-first, so the files nearest the folder roots are found before a limit stops the walk. */
export async function findWorkspaceFiles(folders: readonly string[], accept: (name: string) => boolean, limits: DiscoveryLimits = DEFAULT_DISCOVERY_LIMITS): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  const queue: Array<{ dir: string; depth: number }> = folders.map((dir) => ({ dir, depth: 0 }));
  let read = 0;
  while (queue.length > 0) {
    if (read >= limits.maxFolders) return { files: files.sort(), truncated: true };
    const { dir, depth } = queue.shift()!;
    read++;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable or gone: nothing to find there
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Symbolic links are not followed (isDirectory is false for them): no cycles.
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name) && depth + 1 <= limits.maxDepth) queue.push({ dir: full, depth: depth + 1 });
      } else if (entry.isFile() && accept(entry.name)) {
        files.push(full);
      }
    }
  }
  return { files: files.sort(), truncated: false };
}

// The files a command works on: given files as they are, folders walked for the files a command
// takes (skipping node_modules and dot folders). Symbolic links are followed, to files and to
// folders, with loops detected; whatever cannot be used (a broken link, a loop, a FIFO or a
// device with a policy's name) is skipped and said so, never silently and never with a raw
// system error.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from './usage';

export interface CollectedFiles {
  files: string[];
  /** What was skipped while walking folders, and why: one line each. */
  problems: string[];
}

export function collectFiles(paths: readonly string[], accept: (name: string) => boolean): CollectedFiles {
  const files: string[] = [];
  const problems: string[] = [];
  const seenFolders = new Set<string>();
  for (const p of paths) {
    const st = statOrWhy(p);
    if (typeof st === 'string') throw new UsageError(st === 'missing' ? `no such file or folder: ${p}` : `${p}: ${st}`);
    if (st.isFile()) {
      files.push(p);
      continue;
    }
    if (!st.isDirectory()) throw new UsageError(`${p} is not a file or a folder (a FIFO, socket or device)`);
    const stack = [p];
    while (stack.length) {
      const dir = stack.pop()!;
      const real = realpathOf(dir);
      if (seenFolders.has(real)) {
        if (dir !== p) problems.push(`skipped ${dir}: a symbolic link back to a folder already walked`);
        continue;
      }
      seenFolders.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      } catch (e) {
        problems.push(`skipped ${dir}: ${reasonOf(e)}`);
        continue;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          stack.push(full);
          continue;
        }
        if (entry.isFile()) {
          if (accept(entry.name)) files.push(full);
          continue;
        }
        if (entry.isSymbolicLink()) {
          const target = statOrWhy(full);
          if (typeof target === 'string') {
            if (accept(entry.name)) problems.push(`skipped ${full}: ${target === 'missing' ? 'a symbolic link to nothing' : target}`);
          } else if (target.isDirectory()) stack.push(full);
          else if (target.isFile()) {
            if (accept(entry.name)) files.push(full);
          } else if (accept(entry.name)) problems.push(`skipped ${full}: a symbolic link to a FIFO, socket or device`);
          continue;
        }
        if (accept(entry.name)) problems.push(`skipped ${full}: not a regular file (a FIFO, socket or device)`);
      }
    }
  }
  return { files, problems };
}

/** The file's stats (following links), or why there are none: 'missing' or a reason. */
function statOrWhy(p: string): Stats | string {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : reasonOf(e);
  }
}

function realpathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ELOOP') return 'its symbolic links form a loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  return e instanceof Error ? e.message : String(e);
}

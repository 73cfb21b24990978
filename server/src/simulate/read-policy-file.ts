// Reading a file that a scenario names. A scenario is workspace content, so it is untrusted: it
// may name `/dev/zero` (endless), a FIFO (blocks a synchronous read forever), `/etc/passwd`, or
// a path or symbolic link leading out of the workspace. Only regular files inside one of the
// allowed folders are read, after their real path is resolved, bounded in size and in time, and
// asynchronously, so one bad path never stalls the language server or the CLI.
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Why a file was not read; shown on the path string in the scenario. */
export interface ReadRefusal {
  refused: string;
}

/** What a reader gives back: the text, a refusal with its reason, or undefined (no such file). */
export type ReadResult = string | ReadRefusal | undefined;

export interface SafeReadLimits {
  /** Folders a file must be inside (after resolving symbolic links). */
  roots: readonly string[];
  /** How the roots are named in a refusal: "the workspace folder", "the current folder". */
  rootsName: string;
  maxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 5000;

export function isRefusal(r: ReadResult): r is ReadRefusal {
  return typeof r === 'object' && r !== null;
}

/** True when `file` is `root` or lies under it, by path only (no file system access). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function insideAny(roots: readonly string[], file: string): boolean {
  return roots.some((r) => isInside(path.resolve(r), path.resolve(file)));
}

/** Reads `file` when it is a regular file inside the roots, no larger than maxBytes. */
export async function readFileSafely(file: string, limits: SafeReadLimits): Promise<ReadResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ReadRefusal>((resolve) => {
    timer = setTimeout(() => resolve({ refused: `reading it took longer than ${limits.timeoutMs / 1000} s` }), limits.timeoutMs);
  });
  try {
    return await Promise.race([read(path.resolve(file), limits), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(file: string, limits: SafeReadLimits): Promise<ReadResult> {
  const outside: ReadRefusal = { refused: `it is outside ${limits.rootsName}; a scenario reads only files inside ${limits.rootsName}` };
  if (!insideAny(limits.roots, file)) return outside;
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (e) {
    return errnoResult(e);
  }
  const realRoots = await Promise.all(limits.roots.map((r) => fs.realpath(r).catch(() => path.resolve(r))));
  if (!insideAny(realRoots, real)) return { refused: `it leads outside ${limits.rootsName} through a symbolic link; a scenario reads only files inside ${limits.rootsName}` };
  // Checked before opening (opening a device may itself do something) and again on the open
  // file, which may have been swapped in between.
  try {
    if (!(await fs.stat(real)).isFile()) return NOT_REGULAR;
  } catch (e) {
    return errnoResult(e);
  }
  let handle: fs.FileHandle;
  try {
    // Non-blocking: opening a FIFO with no writer would otherwise wait for one forever.
    handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return errnoResult(e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return NOT_REGULAR;
    if (st.size > limits.maxBytes) return tooLarge(limits.maxBytes);
    // The size may grow between stat and read: read one byte more than allowed to notice.
    const buffer = Buffer.alloc(Math.min(st.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > limits.maxBytes) return tooLarge(limits.maxBytes);
    return buffer.subarray(0, length).toString('utf8');
  } catch (e) {
    return errnoResult(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const NOT_REGULAR: ReadRefusal = { refused: 'it is not a regular file (a folder, device, FIFO or socket)' };

function tooLarge(maxBytes: number): ReadRefusal {
  return { refused: `it is larger than ${formatBytes(maxBytes)}` };
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function errnoResult(e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  if (code === 'ELOOP') return { refused: 'its symbolic links form a loop' };
  if (code === 'EACCES' || code === 'EPERM') return { refused: 'permission denied' };
  if (code === 'EISDIR') return { refused: 'it is a folder' };
  return { refused: e instanceof Error ? e.message : String(e) };
}

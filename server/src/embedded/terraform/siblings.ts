// The other `.tf` files of a file's folder: one Terraform module, whose files see each other's blocks.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../../analysis/problem';

/**
 * Disk texts already read, by path, while the file's size and modification time stay the same.
 * Every file of a module lists all the others, so a folder of n files would otherwise read n² files;
 * and handing back the same string lets the parsed-sibling cache (keyed by text) find it without
 * hashing the whole text again.
 */
const diskTexts = new Map<string, { mtimeMs: number; size: number; text: string }>();
const DISK_TEXTS_KEPT = 1024;

/** The `.tf` files of a folder, as full paths sorted by name; none when it cannot be listed. */
export function moduleFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.tf'))
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/**
 * Texts of the folder's other `.tf` files; `open` gives the editor's text of a file when it has
 * one. Files on disk are read as readModuleFile does; the others are not part of the module.
 */
export function siblingTerraformTexts(file: string, open: (file: string) => string | undefined = () => undefined, maxBytes = DEFAULT_MAX_FILE_SIZE): string[] {
  const self = path.resolve(file);
  const out: string[] = [];
  for (const full of moduleFiles(path.dirname(file))) {
    if (full === self) continue;
    const text = open(full) ?? diskText(full, maxBytes);
    if (text !== undefined) out.push(text);
  }
  return out;
}

function diskText(file: string, maxBytes: number): string | undefined {
  let mtimeMs: number;
  let size: number;
  try {
    ({ mtimeMs, size } = statSync(file));
  } catch {
    return undefined;
  }
  const known = diskTexts.get(file);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.text;
  const text = readModuleFile(file, maxBytes);
  if (text === undefined) return undefined;
  if (diskTexts.size >= DISK_TEXTS_KEPT) diskTexts.delete(diskTexts.keys().next().value!);
  diskTexts.set(file, { mtimeMs, size, text });
  return text;
}

/**
 * A module file's text, or undefined when it is not a regular file of at most `maxBytes` (or
 * cannot be read). The folder is workspace content, so it may hold anything under a `.tf` name:
 * a FIFO, which a synchronous read would wait on for ever (and the language server with it), or
 * a link to `/dev/zero`. Checked before opening (opening a device may itself do something), opened
 * without blocking, and checked again on the open file, which may have been swapped in between.
 */
export function readModuleFile(file: string, maxBytes = DEFAULT_MAX_FILE_SIZE): string | undefined {
  let fd: number;
  try {
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    return readFileSync(fd, 'utf8');
  } catch {
    // unreadable: not part of what we can see
    return undefined;
  } finally {
    closeSync(fd);
  }
}

// The other `.tf` files of a file's folder: one Terraform module, whose files see each other's blocks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Disk texts already read, by path, while the file's size and modification time stay the same.
 * Every file of a module lists all the others, so a folder of n files would otherwise read n² files;
 * and handing back the same string lets the parsed-sibling cache (keyed by text) find it without
 * hashing the whole text again.
 */
const diskTexts = new Map<string, { mtimeMs: number; size: number; text: string }>();
const DISK_TEXTS_KEPT = 1024;

/** Texts of the folder's other `.tf` files; `open` gives the editor's text of a file when it has one. */
export function siblingTerraformTexts(file: string, open: (file: string) => string | undefined = () => undefined): string[] {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.tf')).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const full = path.join(dir, n);
    if (full === path.resolve(file)) continue;
    try {
      out.push(open(full) ?? diskText(full));
    } catch {
      // unreadable: not part of what we can see
    }
  }
  return out;
}

function diskText(file: string): string {
  const { mtimeMs, size } = statSync(file);
  const known = diskTexts.get(file);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.text;
  const text = readFileSync(file, 'utf8');
  if (diskTexts.size >= DISK_TEXTS_KEPT) diskTexts.delete(diskTexts.keys().next().value!);
  diskTexts.set(file, { mtimeMs, size, text });
  return text;
}

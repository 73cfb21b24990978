// The other `.tf` files of a file's folder: one Terraform module, whose files see each other's blocks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
      out.push(open(full) ?? readFileSync(full, 'utf8'));
    } catch {
      // unreadable: not part of what we can see
    }
  }
  return out;
}

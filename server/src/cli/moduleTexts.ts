// The other `.tf` files of a file's folder (its Terraform module), for one run of the CLI: each
// folder is listed and each file read once in the run, where the editor's siblingTerraformTexts
// lists the folder and checks every sibling's modification time again for each file (a folder of
// n files: n² stats). Files do not change under one run, as far as its findings can tell.
import path from 'node:path';
import { moduleFiles, readModuleFile } from '../embedded/terraform/siblings';

export type ModuleTexts = (file: string) => string[];

/** A reader of siblings for one run; the same answer as siblingTerraformTexts(file). */
export function moduleTexts(): ModuleTexts {
  const folders = new Map<string, Array<{ full: string; text: string | undefined }>>();
  const folder = (dir: string) => {
    let files = folders.get(dir);
    if (!files) {
      files = moduleFiles(dir).map((full) => ({ full, text: readModuleFile(full) }));
      folders.set(dir, files);
    }
    return files;
  };
  return (file) => {
    const self = path.resolve(file);
    const out: string[] = [];
    for (const f of folder(path.dirname(file))) if (f.full !== self && f.text !== undefined) out.push(f.text);
    return out;
  };
}

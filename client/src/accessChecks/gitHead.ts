// The committed (HEAD) text of a file, read with `git show` for the no-new-access comparison.
// Only for files inside a workspace folder and inside that folder's git repository; git runs
// without a shell, with fixed arguments, and a time limit.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';

const GIT_TIMEOUT_MS = 5000;
const MAX_POLICY_BYTES = 8 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: MAX_POLICY_BYTES, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) =>
      resolve({ ok: !error, stdout: String(stdout) }),
    );
  });
}

function inside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The file's text at HEAD: a string; null when the repository has no such file at HEAD (new,
 * untracked, no commit yet); undefined when the file is in no git repository of the workspace.
 */
export async function committedText(file: string, workspaceFolders: readonly string[]): Promise<string | null | undefined> {
  const target = real(file);
  const folder = workspaceFolders.map(real).find((f) => inside(f, target));
  if (!folder) return undefined;
  const top = await git(path.dirname(target), ['rev-parse', '--show-toplevel']);
  if (!top.ok) return undefined;
  const root = real(top.stdout.trim());
  if (!inside(root, target) || !(root === folder || inside(root, folder) || inside(folder, root))) return undefined;
  const rel = path.relative(root, target).split(path.sep).join('/');
  const shown = await git(root, ['show', `HEAD:${rel}`]);
  return shown.ok ? shown.stdout : null;
}

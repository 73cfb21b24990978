// `npm start`: build and package the extension, provision a real VS Code (code-server) in
// .cache/, install the VSIX into it, open the examples/ workspace and print the URL.
// Listens on 127.0.0.1 only. Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureCodeServer, ensureSystemPackages, freePort, prepareProfile, root, startCodeServer } from './real-vscode.mjs';

const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

try {
  ensureSystemPackages({ needChromium: false });
  ensureCodeServer();
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

const profile = prepareProfile(path.join(root, '.cache', 'start-profile'));
const requested = Number(process.env.IAMSTS_PORT ?? 8080);
const port = (await isFree(requested)) ? requested : await freePort();
const server = await startCodeServer({ profile, workspace: path.join(root, 'examples'), port });
console.log(`\nIAM STS Studio is running in a real VS Code (code-server) with the examples/ workspace:\n\n    ${server.url}\n\nOpen that URL in a browser on this machine. Ctrl+C stops it.`);

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

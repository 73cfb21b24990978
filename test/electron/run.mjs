// `npm run test:electron`: the same extension in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code. Where the download is impossible (no network but the
// npm registry, as on this project's CI) it says so plainly and exits 1; `npm test` uses
// code-server instead (see README).
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/electron/suite/index.cjs'),
    launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (/download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|fetch failed/i.test(message)) {
    console.error(`@vscode/test-electron cannot run here: it could not download desktop VS Code (${message}).\nThis machine has no network beyond the npm registry. Run it where update.code.visualstudio.com is reachable; \`npm test\` covers the same ground in code-server.`);
  } else {
    console.error(`@vscode/test-electron run failed: ${message}`);
  }
  process.exit(1);
}

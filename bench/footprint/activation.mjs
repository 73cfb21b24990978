// Activation time of the extension in the real VS Code (code-server, the packaged VSIX installed
// as a user would), read from VS Code's own "Developer: Show Running Extensions" view, next to
// that of VS Code's built-in JSON language features, which also start a language server: the
// reference measured in the same window. Prints one JSON line; run by bench/footprint.ts.
//   node bench/footprint/activation.mjs
import { VsCodeSession } from '../../test/e2e/harness.mjs';

/** "Startup Activation: 45ms" or "Activation: 45ms" of the row whose text holds `name`. */
async function activationMs(page, name) {
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 60_000 });
  const text = await row.innerText();
  const m = /Activation:\s*([\d.]+)\s*ms/i.exec(text);
  if (!m) throw new Error(`no activation time in the row of ${name}: ${text.replace(/\s+/g, ' ')}`);
  return Number(m[1]);
}

const session = await VsCodeSession.start({ name: 'bench-activation' });
try {
  // Opening a policy activates the extension (onLanguage:json) and the built-in JSON features.
  await session.openFile('policies/app-data-read.json');
  await session.runCommand('Developer: Show Running Extensions');
  const ours = await activationMs(session.page, 'IAM STS Studio');
  const json = await activationMs(session.page, 'JSON Language Features');
  process.stdout.write(`${JSON.stringify({ oursMs: ours, builtinJsonMs: json })}\n`);
} catch (e) {
  await session.screenshot('activation-failed').catch(() => {});
  throw e;
} finally {
  await session.stop();
}

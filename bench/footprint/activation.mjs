// Activation time of the extension in the real VS Code (code-server, the packaged VSIX installed
// as a user would), next to that of VS Code's built-in JSON language features, which also start a
// language server: the reference measured in the same window. Prints one JSON line; run by
// bench/footprint.ts.
//   node bench/footprint/activation.mjs
//
// Two figures each, both VS Code's own:
// - shownMs: what "Developer: Show Running Extensions" shows, VS Code's code-loading time plus the
//   synchronous part of `activate`.
// - ownMs: the extension's own share of it. VS Code starts the code-loading clock of every
//   extension an event activates at the same moment, and then loads them one after the other; an
//   extension's figure therefore also holds the loading of those before it in the queue (in the runs
//   that found this, 200–400 ms of GitHub authentication, Emmet, JSON and TypeScript features). The
//   extension host's perf marks `willLoadExtensionCode`/`didLoadExtensionCode` bracket the load of
//   the extension's own code: ownMs is that span plus the synchronous part of `activate`.
// Both are read from "Developer: Startup Performance" (its activation table and raw perf marks).
import { VsCodeSession } from '../../test/e2e/harness.mjs';

const OURS = 'iam-sts-studio.iam-sts-studio';
const JSON_FEATURES = 'vscode.json-language-features';

/** "Startup Activation: 45ms" or "Activation: 45ms" of the Running Extensions row whose text holds `name`. */
async function runningExtensionsMs(page, name) {
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 60_000 });
  const text = await row.innerText();
  const m = /Activation:\s*([\d.]+)\s*ms/i.exec(text);
  if (!m) throw new Error(`no activation time in the row of ${name}: ${text.replace(/\s+/g, ' ')}`);
  return Number(m[1]);
}

/** The Startup Performance document's text, copied from its editor. */
async function startupPerformanceText(session) {
  const page = session.page;
  // Running Extensions opens as a modal editor in this VS Code: close it first.
  await page.keyboard.press('Escape');
  await page.locator('.monaco-modal-editor-block').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await session.runCommand('Developer: Startup Performance');
  await page.locator('.tabs-container .tab.active[aria-label*="Startup Performance"]').waitFor();
  const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await editor.waitFor();
  for (let attempt = 0; attempt < 20; attempt++) {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text.includes('Raw Perf Marks') && text.includes(`didLoadExtensionCode/${OURS}`)) return text;
    await page.waitForTimeout(250);
  }
  throw new Error('the Startup Performance view never showed the extension host perf marks');
}

/** Load Code and Call Activate of `id` in the activation table, and its own load from the raw marks. */
function figuresOf(text, id) {
  const row = text.split('\n').find((l) => l.startsWith('|') && l.split('|')[1]?.trim() === id);
  if (!row) throw new Error(`${id} is not in the Startup Performance activation table`);
  const cells = row.split('|').map((c) => c.trim());
  const loadCodeMs = Number(cells[3]);
  const callActivateMs = Number(cells[4]);
  const mark = (name) => {
    const line = text.split('\n').find((l) => l.startsWith(`code/extHost/${name}/${id}\t`));
    if (!line) throw new Error(`no ${name} perf mark for ${id}`);
    return Number(line.split('\t')[1]);
  };
  const ownLoadMs = mark('didLoadExtensionCode') - mark('willLoadExtensionCode');
  if (![loadCodeMs, callActivateMs, ownLoadMs].every(Number.isFinite)) throw new Error(`unreadable figures for ${id}: ${row}`);
  return { shownMs: loadCodeMs + callActivateMs, loadCodeMs, callActivateMs, ownLoadMs, ownMs: ownLoadMs + callActivateMs, queuedMs: loadCodeMs - ownLoadMs };
}

const session = await VsCodeSession.start({ name: 'bench-activation' });
try {
  await session.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // Opening a policy activates the extension (onLanguage:json) and the built-in JSON features.
  await session.openFile('policies/app-data-read.json');
  await session.runCommand('Developer: Show Running Extensions');
  const runningOurs = await runningExtensionsMs(session.page, 'IAM STS Studio');
  const runningJson = await runningExtensionsMs(session.page, 'JSON Language Features');
  const text = await startupPerformanceText(session);
  const ours = figuresOf(text, OURS);
  const json = figuresOf(text, JSON_FEATURES);
  // The two views show the same VS Code figure; a difference means this script misreads one.
  if (ours.shownMs !== runningOurs || json.shownMs !== runningJson) {
    throw new Error(`Running Extensions shows ${runningOurs} and ${runningJson} ms, Startup Performance ${ours.shownMs} and ${json.shownMs} ms`);
  }
  process.stdout.write(`${JSON.stringify({ ours, json })}\n`);
} catch (e) {
  await session.screenshot('activation-failed').catch(() => {});
  throw e;
} finally {
  await session.stop();
}

// Drives the real VS Code (code-server 4.139 / VS Code 1.139) in Debian's Chromium through
// playwright-core, with the packaged VSIX installed as a user would. Waits for UI state, never
// for fixed time.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, prepareProfile, root, startCodeServer } from '../../scripts/real-vscode.mjs';

export const resultsDir = path.join(root, 'test-results');
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

export class VsCodeSession {
  /** @param {{ settings?: object, env?: object, name: string }} options */
  static async start(options) {
    const s = new VsCodeSession();
    s.name = options.name;
    s.tmp = mkdtempSync(path.join(os.tmpdir(), `iamsts-e2e-${options.name}-`));
    // A copy of the examples: tests edit files and must not touch the repository's.
    s.workspace = path.join(s.tmp, 'workspace');
    cpSync(path.join(root, 'examples'), s.workspace, { recursive: true });
    s.profile = prepareProfile(path.join(s.tmp, 'profile'), { settings: options.settings ?? {} });
    s.server = await startCodeServer({ profile: s.profile, workspace: s.workspace, env: options.env ?? {} });
    s.browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    s.page = await s.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await s.page.goto(s.server.url);
    await s.page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    // The explorer shows the workspace once the workbench has loaded the folder.
    await s.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
    return s;
  }

  /** Quick Open (Ctrl+P) a workspace file by its relative path and wait for its editor. */
  async openFile(relativePath) {
    return this.orScreenshot(`open-${path.basename(relativePath)}`, () => this.openFileNow(relativePath));
  }

  /** Runs a UI step; when it fails, saves what the screen showed before rethrowing. */
  async orScreenshot(label, step) {
    try {
      return await step();
    } catch (e) {
      await this.screenshot(`FAILED-${label}`).catch(() => {});
      throw e;
    }
  }

  async openFileNow(relativePath) {
    const page = this.page;
    await page.keyboard.press(`${mod}+P`);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    const base = path.basename(relativePath);
    // Click the matching row: Enter could pick a row of the list before it was filtered.
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
    await row.waitFor();
    await row.click();
    await page.locator(`.tabs-container .tab.active[aria-label*="${base}"]`).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /**
   * Opens the quick-fix menu at the cursor with Control+. and resolves to the row titled `title`.
   * An explicit Control+. is sometimes superseded in VS Code by the automatic code-action request
   * that follows a diagnostics update (the light bulb shows, the menu does not): it is pressed
   * again, as a user would, until the menu opens. `refocus` runs between attempts.
   */
  async openQuickFix(title, refocus = async () => {}) {
    const page = this.page;
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ timeout: 5_000 });
        // Said, so that a run shows how often the first press is not enough.
        if (attempt > 1) process.stderr.write(`quick fix "${title}": the menu opened at press ${attempt} of Control+.\n`);
        return fix;
      } catch (e) {
        if (attempt === 6) throw e;
        await page.keyboard.press('Escape');
        await refocus();
      }
    }
  }

  /** Runs a command from the palette by its title. */
  async runCommand(title) {
    const page = this.page;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  /**
   * Waits until a code lens holding `text` shows in the active editor, and resolves to its link.
   * VS Code asks for an editor's code lenses a moment (at least 250 ms) after the editor gets its
   * document, and drops that request if the editor loses focus first: opening the Problems panel
   * right after a file, as `waitForProblem` does, leaves the file without lenses until its editor
   * has focus again, which is when a user reading it sees them. The editor is given focus first.
   */
  async waitForCodeLens(text, timeout = 60_000) {
    await this.runCommand('View: Focus Active Editor Group');
    const lens = this.page.locator('.monaco-editor .codelens-decoration a', { hasText: text }).first();
    await lens.waitFor({ timeout });
    return lens;
  }

  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.runCommand('View: Focus Problems');
    await panel.waitFor({ state: 'visible' });
    return panel;
  }

  /** Waits until a Problems-panel row holds the text; returns the row. */
  async waitForProblem(text, timeout = 60_000) {
    const panel = await this.showProblems();
    const row = panel.locator('.monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout });
    return row;
  }

  /** The Problems panel rows, as text, grouped under their file rows. */
  async problemsText() {
    const panel = await this.showProblems();
    return (await panel.locator('.monaco-list-row').allInnerTexts()).join('\n');
  }

  /** Problem rows that our extension reported (their source is "IAM STS Studio"). */
  async ourProblems() {
    const panel = await this.showProblems();
    return (await panel.locator('.monaco-list-row').allInnerTexts()).filter((t) => t.includes('IAM STS Studio'));
  }

  async screenshot(name) {
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${this.name}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async stop() {
    await this.browser?.close().catch(() => {});
    this.server?.stop();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

// The STS end-to-end tests' way of driving the workbench: the command palette, quick inputs,
// the Sessions view and notifications. `session()` returns the test's VsCodeSession (started in
// its `before`, so it is read when a step runs, not when the file loads).

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function stsUi(session) {
  const page = () => session().page;
  const quickInput = () => page().locator('.quick-input-widget');
  const sidebarRows = () => page().locator('.part.sidebar .monaco-list-row');
  const sessionRow = (label) => sidebarRows().filter({ hasText: label }).first();
  const toast = (text) => page().locator('.notification-toast', { hasText: text }).first();

  /** Runs a palette command by its exact title (other titles may start the same way). */
  async function runExactCommand(title) {
    await page().keyboard.press('F1');
    const input = quickInput().locator('input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = quickInput().locator('.monaco-list-row', { hasText: new RegExp(`^${escapeRegExp(title)}`) }).first();
    await row.waitFor();
    await row.click();
  }

  /**
   * Waits for the quick input whose title (or, for pickers without one, placeholder) shows
   * `heading`, so nothing is typed into the command palette still closing.
   */
  async function waitForQuickInput(heading) {
    const widget = quickInput();
    await widget.locator('.quick-input-title', { hasText: heading }).or(widget.locator(`input[placeholder*="${heading}"]`)).first().waitFor();
    return widget;
  }

  /** Picks the row `label` of the quick input `heading`, after filtering it by `filter`. */
  async function pickQuickItem(heading, filter, label = filter) {
    const widget = await waitForQuickInput(heading);
    await widget.locator('input').fill(filter);
    const row = widget.locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    await row.click();
  }

  async function typeIntoInput(heading, text) {
    const widget = await waitForQuickInput(heading);
    await widget.locator('input').fill(text);
    await page().keyboard.press('Enter');
  }

  async function closeQuickInput() {
    await page().keyboard.press('Escape');
    await quickInput().waitFor({ state: 'hidden' });
  }

  async function showSessionsView() {
    const icon = page().locator('.activitybar .action-item a[aria-label^="IAM STS"]').first();
    await icon.waitFor();
    const container = page().locator('.part.sidebar .composite.title', { hasText: 'IAM STS' });
    if (!(await container.isVisible())) await icon.click();
    await container.waitFor();
  }

  /**
   * Get Session Token with MFA from the palette as a user runs it: the profile, the device, a
   * one-hour duration and the code; resolves when the Sessions view shows the session.
   */
  async function getSessionTokenWithMfa(profile, mfaSerial, code = '123456') {
    await runExactCommand('IAM STS: Get Session Token (MFA)…');
    await pickQuickItem('IAM user credentials', profile);
    await typeIntoInput('MFA device', mfaSerial);
    await pickQuickItem('duration', '1 hour');
    await typeIntoInput('MFA code', code);
    await sessionRow(`session token (${profile}) with MFA`).waitFor({ timeout: 30_000 });
  }

  return { page, quickInput, sidebarRows, sessionRow, toast, runExactCommand, waitForQuickInput, pickQuickItem, typeIntoInput, closeQuickInput, showSessionsView, getSessionTokenWithMfa };
}

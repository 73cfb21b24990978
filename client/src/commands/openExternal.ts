import { appendFile } from 'node:fs/promises';
import * as vscode from 'vscode';

/**
 * Opens a URL in the user's browser. End-to-end tests set IAMSTS_TEST_OPEN_EXTERNAL_FILE in the
 * environment of the editor they start: the URL is then appended to that file instead, so a test
 * reads what the browser would have received. No setting can turn this on.
 */
export async function openExternalUrl(url: string): Promise<boolean> {
  const testFile = process.env.IAMSTS_TEST_OPEN_EXTERNAL_FILE;
  if (testFile) {
    await appendFile(testFile, `${url}\n`, { mode: 0o600 });
    return true;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}

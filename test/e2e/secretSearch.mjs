// The search every STS end-to-end file ends with: no secret the test servers issued may be in
// the output channel, the history, settings, global state (the page's IndexedDB in the
// browser-based VS Code) or any file under the test's folders other than those the user asked for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths. */
function filesUnder(dir) {
  const found = [];
  const walk = (d) => {
    let names = [];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(d, name);
      let info;
      try {
        info = statSync(full);
      } catch {
        continue;
      }
      if (info.isDirectory()) walk(full);
      else if (info.isFile() && info.size < 50_000_000) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/** Every key and value of every IndexedDB store of the page, as text lines. */
function browserStorageText(page) {
  return page.evaluate(async () => {
    const decode = (value) => (value instanceof Uint8Array || value instanceof ArrayBuffer ? new TextDecoder().decode(value) : typeof value === 'string' ? value : JSON.stringify(value));
    const out = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve([]);
        });
        const keys = await new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAllKeys();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve([]);
        });
        keys.forEach((key, index) => out.push(`${name}/${store}/${decode(key)}=${decode(all[index])}`));
      }
      db.close();
    }
    return out.join('\n');
  });
}

/**
 * Asserts that none of `secrets` is anywhere it was not asked to go; `askedFor` are the files
 * the user asked for (they may hold secrets). Returns the history file's text for more checks.
 */
export async function assertNoSecretsOutside({ vscode, home, secrets, askedFor }) {
  const allowed = new Set(askedFor);
  const roots = [vscode.profile.userDataDir, vscode.workspace, home, path.join(vscode.tmp, 'profile')];
  const searched = new Set();
  let historyText = '';
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      if (allowed.has(file) || searched.has(file) || file.startsWith(vscode.profile.extensionsDir)) continue;
      searched.add(file);
      const bytes = readFileSync(file);
      const text = bytes.toString('latin1');
      if (file.endsWith('session-history.json')) historyText = bytes.toString('utf8');
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `${path.relative(vscode.tmp, file)} holds a secret (${secret.slice(0, 6)}…)`);
      }
    }
  }
  assert.ok([...searched].some((file) => file.endsWith('IAM STS Studio.log')), 'the output channel log was searched');
  assert.ok([...searched].some((file) => file.endsWith('settings.json')), 'the settings were searched');
  const browserStorage = await browserStorageText(vscode.page);
  assert.match(browserStorage, /iamSts\.recentRoleArns/, 'the global state of the extension was searched');
  for (const secret of secrets) assert.ok(!browserStorage.includes(secret), `the browser storage holds a secret (${secret.slice(0, 6)}…)`);
  return { historyText };
}

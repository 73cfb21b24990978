// Runs inside desktop VS Code's extension host: opens an example policy and waits for our
// diagnostic through the vscode API.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

function diagnosticsFor(uri, predicate, timeoutMs = 60000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = vscode.languages.getDiagnostics(uri).filter(predicate);
      if (found.length) {
        sub.dispose();
        clearTimeout(timer);
        resolve(found);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching diagnostic for ${uri} within ${timeoutMs} ms`));
    }, timeoutMs);
    check();
  });
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const uri = vscode.Uri.file(path.join(folder, 'policies', 'broken-effect.json'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const [d] = await diagnosticsFor(uri, (x) => x.source === 'IAM STS Studio');
  assert.match(d.message, /Effect must be "Allow" or "Deny"/);
  assert.equal(d.range.start.line, 5);
  console.log('1 passed, 0 failed');
};

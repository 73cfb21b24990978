// If the language server process dies, the client starts it again and diagnostics come back:
// end to end in the real VS Code, killing the server by its pid as a crash would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { VsCodeSession } from './harness.mjs';

let vscode;
before(async () => {
  vscode = await VsCodeSession.start({ name: 'resilience' });
});
after(() => vscode?.stop());

/** This session's language server processes (node running the installed extension's dist/server.js): "pid args" each. */
function serverProcesses() {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(vscode.profile.extensionsDir) && line.includes('dist/server.js'));
}

function serverPids() {
  return serverProcesses().map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function waitFor(predicate, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('the client restarts a killed language server and the diagnostics come back', async () => {
  await vscode.openFile('policies/broken-effect.json');
  await vscode.orScreenshot('before-kill', () => vscode.waitForProblem('INVALID_EFFECT'));
  const [pid] = await waitFor(() => (serverPids().length > 0 ? serverPids() : undefined), 'the language server process');
  process.kill(pid, 'SIGKILL');
  // A new server process, then the same diagnostic published by it.
  const restarted = await waitFor(() => serverPids().find((p) => p !== pid), 'a restarted language server');
  assert.notEqual(restarted, pid);
  // Change the typo: only a live server can report the new value, so the row proves it is back.
  const page = vscode.page;
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line span span', { hasText: 'Alow' }).first().dblclick();
  await page.keyboard.type('Alloww');
  await vscode.orScreenshot('after-restart', () => vscode.waitForProblem('The effect "Alloww" is not valid', 60_000));
  await vscode.screenshot('restarted-server');
  const ours = await vscode.ourProblems();
  assert.ok(ours.some((row) => row.includes('Alloww')), ours.join('\n'));
});

test('the language server runs with its young generation bounded (--max-semi-space-size=4)', () => {
  // server/src/launch.ts: the client starts node with these flags, the restarted server too.
  const servers = serverProcesses();
  assert.equal(servers.length, 1, servers.join('\n'));
  assert.match(servers[0], /node\S* --max-semi-space-size=4 .*dist\/server\.js/);
});

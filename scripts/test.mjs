// `npm test`: type-check, bundle and package, unit and language-server tests, then the
// end-to-end tests in a real VS Code. `--only unit|e2e` runs one half. Ends with one line
// "N passed, N failed" over every suite.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureNeovim } from './neovim.mjs';
import { ensureCodeServer, ensureSystemPackages, root } from './real-vscode.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const totals = { pass: 0, fail: 0 };

function step(title) {
  process.stdout.write(`\n=== ${title}\n`);
}

function runOrExit(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(`\n${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})\n0 passed, 1 failed\n`);
    process.exit(1);
  }
}

function findTests(dir, suffix) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(suffix)) out.push(path.relative(root, full));
    }
  };
  walk(path.join(root, dir));
  return out;
}

/** Runs node's test runner with the spec reporter, echoing it and counting its summary. */
function nodeTest(files, extraArgs = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...extraArgs, '--test', '--test-reporter=spec', ...files], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => {
      const pass = Number(new RegExp(`^ℹ pass (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
      const fail = Number(new RegExp(`^ℹ fail (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
      totals.pass += pass;
      // A runner that died without a summary still counts as a failure.
      totals.fail += fail + (code !== 0 && fail === 0 ? 1 : 0);
      resolve(code === 0);
    });
  });
}

let ok = true;
if (only !== 'e2e') {
  step('type-check (tsc --noEmit, strict)');
  runOrExit(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
}
step('build and package the VSIX');
runOrExit('npm', ['run', '--silent', 'package']);

if (only !== 'e2e') {
  step('unit and language-server tests');
  ok = (await nodeTest([...findTests('test/unit', '.test.ts'), ...findTests('test/lsp', '.test.ts')], ['--import', 'tsx'])) && ok;
}

if (only !== 'unit') {
  step('end-to-end tests in a real VS Code (code-server + Chromium)');
  let ready = true;
  try {
    ensureSystemPackages();
    ensureCodeServer();
    // The second real editor (test/e2e/neovim.e2e.test.mjs).
    ensureNeovim();
  } catch (e) {
    process.stdout.write(`\nCannot run the end-to-end tests: ${e instanceof Error ? e.message : e}\n`);
    totals.fail += 1;
    ready = ok = false;
  }
  if (ready) ok = (await nodeTest(findTests('test/e2e', '.e2e.test.mjs'), ['--test-concurrency=1'])) && ok;
}

process.stdout.write(`\n${totals.pass} passed, ${totals.fail} failed\n`);
process.exit(ok && totals.fail === 0 ? 0 : 1);

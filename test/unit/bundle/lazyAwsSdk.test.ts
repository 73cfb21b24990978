// The built extension (dist/client.js, as `npm test` builds it) does not load the AWS SDK when it
// is loaded: the SDK is its own bundle, dist/aws-sdk.js, which the first STS call loads
// (client/src/awsSdk/loadAwsSdk.ts). Activation, which every policy file triggers, must not pay
// for it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const client = path.join(root, 'dist', 'client.js');
const sdk = path.join(root, 'dist', 'aws-sdk.js');

// The names the vscode module exports, from its type declarations.
const vscodeNames = [...readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8').matchAll(/^\texport (?:class|enum|namespace|function|const|let) (\w+)/gm)].map((m) => m[1]);

// A child process loads the bundle with a stand-in for the `vscode` module (only the extension
// host provides the real one) and prints which of our bundles were loaded.
const probe = String.raw`
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? '__vscode__' : resolve.call(this, request, ...rest);
};
const anything = () => new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : k === Symbol.toPrimitive ? () => 1 : anything()), construct: () => anything(), apply: () => anything() });
const stub = new Module('__vscode__');
stub.exports = Object.fromEntries(JSON.parse(process.argv[2]).map((name) => [name, anything()]));
stub.loaded = true;
require.cache['__vscode__'] = stub;
const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(process.argv[1])).map((f) => f.slice(process.argv[1].length + 1)).sort();
require(process.argv[1] + '/client.js');
const afterLoad = loaded();
require(process.argv[1] + '/aws-sdk.js');
console.log(JSON.stringify({ afterLoad, afterSts: loaded() }));
`;

test('loading the built extension does not load the AWS SDK; its own bundle holds it', () => {
  assert.ok(existsSync(client) && existsSync(sdk), 'run `npm run build` first');
  const out = JSON.parse(execFileSync(process.execPath, ['-e', probe, path.dirname(client), JSON.stringify(vscodeNames)], { encoding: 'utf8' })) as { afterLoad: string[]; afterSts: string[] };
  assert.deepEqual(out.afterLoad, ['client.js']);
  assert.deepEqual(out.afterSts, ['aws-sdk.js', 'client.js']);
  // The extension bundle carries none of the SDK's clients; the SDK bundle carries all four.
  const clientText = readFileSync(client, 'utf8');
  const sdkText = readFileSync(sdk, 'utf8');
  for (const marker of ['AWSSecurityTokenServiceV20110615', 'SWBPortalService', 'AWSSSOOIDCService']) {
    assert.ok(!clientText.includes(marker), `dist/client.js holds ${marker}`);
    assert.ok(sdkText.includes(marker), `dist/aws-sdk.js lacks ${marker}`);
  }
  assert.match(clientText, /require\("\.\/aws-sdk\.js"\)/);
});

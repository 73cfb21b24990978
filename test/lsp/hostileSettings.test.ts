// Workspace settings outside their schema are dropped, with a message in the server's log;
// documents keep their diagnostics with the valid settings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TestLanguageClient } from './lspClient';

let client: TestLanguageClient;
const logged: string[] = [];
before(async () => {
  client = new TestLanguageClient({}, { documentKinds: { '**': '__proto__' }, diagnostics: { INVALID_EFFECT: 'bogus', MISSING_VERSION: 'hint' } });
  client.connection.onNotification('window/logMessage', (m: { message: string }) => logged.push(m.message));
  await client.start();
});
after(() => client.stop());

test('a document kind of "__proto__" and a severity of "bogus" are ignored, and every document keeps its diagnostics', async () => {
  const text = '{"Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}';
  // The settings are pulled after the first validation: wait for the one made with them.
  const uri = 'file:///work/p.json';
  let diagnostics = await client.open(uri, text);
  while (!diagnostics.some((d) => d.code === 'MISSING_VERSION' && d.severity === 4)) diagnostics = (await client.nextDiagnostics(uri)).diagnostics;
  const effect = diagnostics.find((d) => d.code === 'INVALID_EFFECT');
  assert.equal(effect?.severity, 1); // its own severity: the override was dropped
  assert.ok(logged.some((m) => /Ignoring the setting iamSts\.documentKinds\["\*\*"\]: "__proto__" is not one of/.test(m)), logged.join('\n'));
  assert.ok(logged.some((m) => /Ignoring the setting iamSts\.diagnostics\["INVALID_EFFECT"\]: "bogus"/.test(m)), logged.join('\n'));
});

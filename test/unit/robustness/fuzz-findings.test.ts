// Defects the fuzzer found, each kept as a plain case.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { parsePolicyText } from '../../../server/src/policy/parse';
import { loadScenario } from '../../../server/src/simulate';

test('a syntax error at the end of a truncated policy stays inside the text', () => {
  for (const text of ['{"Statement": [', '{"Statement": []', '{"Statement": [] // c', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"']) {
    const { syntaxErrors } = parsePolicyText(text);
    assert.ok(syntaxErrors.length > 0, text);
    for (const e of syntaxErrors) assert.ok(e.range.start <= e.range.end && e.range.end <= text.length, `${JSON.stringify(e.range)} in ${text.length}: ${text}`);
  }
});

test('a syntax error at the end of a truncated scenario stays inside the text', () => {
  const text = '{"principal": "arn:aws:iam::111122223333:role/R", "tests": [';
  const scenario = loadScenario(text, path.resolve('/work/sim/t.iamsim.json'), () => undefined);
  assert.ok(scenario.errors.length > 0);
  for (const e of scenario.errors) assert.ok(e.range.end <= text.length, JSON.stringify(e.range));
});

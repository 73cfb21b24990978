// The TextMate injection grammar, tokenized by vscode-textmate (VS Code's own tokenizer) inside a
// JSON host grammar that uses VS Code's JSON scope names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const contribution = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === 'iam-policy.injection');
  const files: Record<string, string> = {
    'source.json': path.join(root, 'test/fixtures/syntaxes/json-base.tmLanguage.json'),
    'iam-policy.injection': path.join(root, contribution.path),
  };
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope) => (contribution.injectTo.includes(scope) ? ['iam-policy.injection'] : []),
  });
  grammar = (await registry.loadGrammar('source.json'))!;
});

/** Scopes of the token that covers `needle` in `line`. */
function scopesAt(line: string, needle: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const at = line.indexOf(needle);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return token.scopes;
}

test('highlights the service and the name of an action string', () => {
  const line = '{"Action": "s3:GetObject"}';
  assert.ok(scopesAt(line, 's3').includes('entity.name.type.service.iam'));
  assert.ok(scopesAt(line, 'GetObject').includes('entity.name.function.action.iam'));
});

test('highlights wildcard actions', () => {
  assert.ok(scopesAt('{"Action": ["iam:*AccessKey*"]}', '*AccessKey*').includes('entity.name.function.action.iam'));
});

test('names each part of an ARN', () => {
  const line = '{"Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"}';
  assert.ok(scopesAt(line, 'aws:').includes('entity.name.namespace.partition.iam'));
  assert.ok(scopesAt(line, 'dynamodb').includes('entity.name.type.service.iam'));
  assert.ok(scopesAt(line, 'eu-west-1').includes('constant.other.region.iam'));
  assert.ok(scopesAt(line, '111122223333').includes('constant.numeric.account.iam'));
  assert.ok(scopesAt(line, 'table/orders').includes('string.unquoted.resource.iam'));
});

test('highlights condition operators with their set-operator prefix and IfExists suffix', () => {
  const line = '{"Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*"]}}}';
  assert.ok(scopesAt(line, 'ForAnyValue').includes('storage.modifier.set-operator.iam'));
  assert.ok(scopesAt(line, 'StringLike').includes('keyword.operator.condition.iam'));
  assert.ok(scopesAt(line, 'IfExists').includes('storage.modifier.if-exists.iam'));
});

test('leaves ordinary JSON strings alone', () => {
  const line = '{"name": "example app", "description": "plain text"}';
  assert.ok(!scopesAt(line, 'example app').some((s) => s.endsWith('.iam')));
  assert.ok(!scopesAt(line, 'plain text').some((s) => s.endsWith('.iam')));
});

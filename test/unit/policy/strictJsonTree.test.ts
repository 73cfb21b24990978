// The one-pass tree for strict JSON must be jsonc-parser's tree, node for node: every policy
// feature (ranges, hover, completion, quick fixes) reads these nodes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { MAX_NESTING, parsePolicyText } from '../../../server/src/policy/parse';
import { strictJsonTree } from '../../../server/src/policy/strictJsonTree';
import { corpusFixtureAndExampleJsonFiles } from './jsonFiles';

function jsoncTree(text: string): Node | undefined {
  const errors: unknown[] = [];
  const root = parseTree(text, errors as never, { allowTrailingComma: false, disallowComments: false });
  assert.deepEqual(errors, []);
  return root;
}

test('the tree of every corpus document and test fixture is jsonc-parser\'s', () => {
  const files = corpusFixtureAndExampleJsonFiles();
  let strict = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const fast = strictJsonTree(text, MAX_NESTING);
    if (!fast) continue;
    strict++;
    assert.deepEqual(fast.root, jsoncTree(text), file);
    assert.deepEqual(fast.value, JSON.parse(text));
  }
  assert.ok(strict > 2200, `${strict} strict JSON files`);
});

test('escapes, numbers, literals, empty containers and every kind of white space', () => {
  const texts = [
    '{"a\\"b": "\\u00e9\\n\\\\", "n": [0, -0, 1.5, -2e-3, 1E+2, 1e400, 12345678901234567890], "t": true, "f": false, "z": null}',
    ' \t\r\n{ "e" : { } , "a" : [ ] , "s" : "" }\r\n',
    '[[[{"x":[1,{"y":"\\ud83d\\ude00"}]}]]]',
    '"just a string"',
    '42',
    '{"dup": 1, "dup": 2}',
  ];
  for (const text of texts) assert.deepEqual(strictJsonTree(text, MAX_NESTING)?.root, jsoncTree(text), text);
});

test('comments, trailing commas, errors and nesting past the limit are left to jsonc-parser', () => {
  for (const text of ['{"a": 1 /* c */}', '{"a": [1,],}', '{"a": }', '\ufeff{"a": 1}', '', `${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`]) {
    assert.equal(strictJsonTree(text, MAX_NESTING), undefined, JSON.stringify(text.slice(0, 20)));
  }
  const deep = `${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`;
  assert.deepEqual(strictJsonTree(deep, MAX_NESTING)?.root, jsoncTree(deep));
  // The parser then reports what it always did.
  const tooDeep = parsePolicyText(`{"Statement": ${'['.repeat(100)}${']'.repeat(100)}}`);
  assert.match(tooDeep.syntaxErrors[0].message, /nests deeper than 64 levels/);
  assert.ok(parsePolicyText('{"Statement": [], }').syntaxErrors.length > 0);
});

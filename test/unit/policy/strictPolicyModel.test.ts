// The one-pass model of strict JSON must be the model `buildPolicyModel` makes from the tree,
// element for element, with every `node` the node of the document's own tree; and the pass must
// accept exactly the text `JSON.parse` accepts (anything else goes to jsonc-parser's recovery).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Node } from 'jsonc-parser';
import { buildPolicyModel, isPolicyNode, MAX_NESTING, parsePolicyText } from '../../../server/src/policy/parse';
import type { PolicyModel } from '../../../server/src/policy/model';
import { strictJsonTree } from '../../../server/src/policy/strictJsonTree';
import { strictPolicyModel } from '../../../server/src/policy/strictPolicyModel';
import { corpusFixtureAndExampleJsonFiles } from './jsonFiles';

const FILES = corpusFixtureAndExampleJsonFiles();

function nodesOf(root: Node): Set<Node> {
  const out = new Set<Node>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.add(n);
    for (const c of n.children ?? []) stack.push(c);
  }
  return out;
}

/** Every field of the model as plain data; each `node` as its place, after checking it is one of `nodes`. */
function plain(value: unknown, nodes: Set<Node> | undefined, seen = new Set<unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => plain(v, nodes, seen));
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  const keys = new Set([...Object.keys(record), ...('node' in record ? ['node'] : [])]);
  for (const key of [...keys].sort()) {
    const v = record[key];
    if (key === 'node') {
      const n = v as Node;
      if (nodes) assert.ok(nodes.has(n), `a node of the document's own tree at ${n.offset}`);
      out.node = [n.type, n.offset, n.length, n.value];
    } else {
      out[key] = plain(v, nodes, seen);
    }
  }
  return out;
}

function expectSameModel(text: string, label: string): void {
  const eager = strictJsonTree(text, MAX_NESTING);
  const fast = strictPolicyModel(text, MAX_NESTING);
  assert.equal(fast !== undefined, eager !== undefined, `${label}: accepted by the one pass iff by JSON.parse (within the depth limit)`);
  if (!eager || !fast) return;
  const expected: PolicyModel | undefined = isPolicyNode(eager.root) ? buildPolicyModel(eager.root) : undefined;
  const parsed = parsePolicyText(text);
  assert.deepEqual(parsed.root, eager.root, label);
  assert.deepEqual(parsed.json?.value, eager.value, label);
  assert.equal(parsed.model === undefined, expected === undefined, label);
  if (!expected) return;
  assert.deepEqual(plain(parsed.model, nodesOf(parsed.root!)), plain(expected, undefined), label);
}

test('the one-pass model of every corpus document and test fixture is the tree\'s model', () => {
  let policies = 0;
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    expectSameModel(text, file);
    if (parsePolicyText(text).model) policies++;
  }
  assert.ok(policies > 1500, `${policies} policies`);
});

test('every element\'s node is found before the tree is asked for, and is then the tree\'s', () => {
  const text = '{"Statement": [{"Sid": 1, "Effect": "Allow", "Action": ["s3:*", {"x": []}], "Principal": {"AWS": ["a", "b"]}, "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}';
  const { model, root } = parsePolicyText(text);
  const st = model!.statements[0];
  assert.equal(st.sid!.node.type, 'number');
  assert.equal(st.action!.values[1].node.type, 'object');
  assert.equal(st.principal!.kinds[0].node.value, 'AWS');
  assert.equal(st.condition!.node.type, 'object');
  assert.equal(st.node, root!.children![0].children![1].children![0]);
  assert.equal(model!.node, root);
});

/** A small seeded generator, so that a failing input replays. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['', ',', ':', '{', '}', '[', ']', '"', '\\', '\\u', '\\u00e9', '\\x', '0', '-', '01', '1.', '.5', '1e', '1e+', '-0', 'tru', 'true', 'null', 'nul', ' ', '\t', '\n', '\r', '\u000b', '\u0001', '\u00a0', '\ufeff', '\ud800', '/*c*/', '//', '"Statement"', '"Action"', '"Condition"', '{}', '[]', '""'];

test('mutated documents: accepted exactly when JSON.parse accepts them, and then modelled as the tree is', () => {
  const policies = FILES.filter((f) => f.includes(`${path.sep}corpus${path.sep}`))
    .map((f) => readFileSync(f, 'utf8'))
    .filter((t) => t.length < 4000 && parsePolicyText(t).model);
  const seed = 14;
  const next = random(seed);
  let accepted = 0;
  for (let n = 0; n < 4000; n++) {
    const base = policies[Math.floor(next() * policies.length)];
    let text = base;
    for (let m = 1 + Math.floor(next() * 3); m > 0; m--) {
      const at = Math.floor(next() * text.length);
      const cut = next() < 0.5 ? Math.floor(next() * 3) : 0;
      text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at + cut);
    }
    expectSameModel(text, `seed ${seed}, input ${n}: ${JSON.stringify(text.slice(0, 200))}`);
    if (strictJsonTree(text, MAX_NESTING)) accepted++;
  }
  assert.ok(accepted > 200, `${accepted} mutated inputs were still strict JSON`);
});

test('the grammar\'s corners, as JSON.parse has them', () => {
  const texts = [
    '{"Statement": []}',
    ' \t\r\n{"Statement": {"Effect": "Allow"}}\r\n',
    '{"Statement": [1, "x", {"Sid": "a\\"b\\u00e9\\n"}, [], {}]}',
    '{"Statement": [{"Action": [0, -0, 1.5, -2e-3, 1E+2, 1e400, 12345678901234567890, true, false, null]}]}',
    '{"Statement": "s", "Statement": [{"Effect": "Deny"}], "Version": 1, "Version": "2012-10-17"}',
    '{"Statement": [{"Principal": "*"}, {"Principal": ["a"]}, {"Principal": {"AWS": "a", "AWS": ["b", 3]}}, {"Condition": {"A": 1, "B": {"k": [1, "x"]}}}]}',
    '[{"Statement": []}]',
    '"Statement"',
    '{"Statement": [], }',
    '{"Statement": [1,]}',
    '{"Statement": [01]}',
    '{"Statement": [1.]}',
    '{"Statement": [.5]}',
    '{"Statement": [-]}',
    '{"Statement": ["\\x"]}',
    '{"Statement": ["\\u12g4"]}',
    '{"Statement": ["a\tb"]}',
    '{"Statement": ["\ud800"]}',
    '\ufeff{"Statement": []}',
    '{"Statement": []} x',
    '{"Statement": [] /* c */}',
    '{"Statement": [tru]}',
    '{"Statement": [truex]}',
    '',
    ' ',
    `{"Statement": ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}}`,
    `{"Statement": ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}}`,
    `{"Statement": [{"Condition": ${'{"a": '.repeat(MAX_NESTING)}1${'}'.repeat(MAX_NESTING)}}]}`,
  ];
  for (const text of texts) expectSameModel(text, JSON.stringify(text.slice(0, 80)));
  // Every character raw in a string, and after a backslash.
  for (let c = 0; c < 0x80; c++) {
    const ch = String.fromCharCode(c);
    expectSameModel(`{"Statement": ["a${ch}b"]}`, `raw ${c}`);
    expectSameModel(`{"Statement": ["a\\${ch}b"]}`, `escaped ${c}`);
    expectSameModel(`{"Statement": [${ch}]}`, `value ${c}`);
    expectSameModel(`{"Statement":${ch}[]}`, `space ${c}`);
  }
});

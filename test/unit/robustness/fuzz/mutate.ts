// Mutations of a JSON document: structural (delete, duplicate and swap spans, truncate), typed
// (retype a value), textual (lone surrogates, RTL marks, a BOM, CRLF line ends) and hostile
// (huge numbers and strings, 10,000-deep nesting, `__proto__`/`constructor` keys, duplicate keys).
import type { Prng } from './prng';

export type Mutation = (text: string, rng: Prng) => string;

function span(text: string, rng: Prng): [number, number] {
  const a = rng.int(text.length + 1);
  const b = Math.min(text.length, a + rng.int(Math.min(200, text.length + 1)));
  return [a, b];
}

/** Offsets of string literals (roughly: quote to quote), where values and keys live. */
function stringAt(text: string, rng: Prng): [number, number] | undefined {
  const starts: number[] = [];
  for (let i = text.indexOf('"'); i >= 0 && starts.length < 2000; i = text.indexOf('"', i + 1)) starts.push(i);
  if (starts.length < 2) return undefined;
  const k = rng.int(starts.length - 1);
  return [starts[k], starts[k + 1] + 1];
}

const RETYPED = ['0', '-1', 'true', 'false', 'null', '[]', '{}', '[1, 2]', '{"a": 1}', '""', '"*"', '1e309', '"${aws:username}"', '"${${aws:username}}"'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'Statement', 'Effect', 'Action'];
const ODD_TEXT = ['\uD800', '\uDFFF', '\u200F', '\u202E', '\u2066', '\uFEFF', '\u0000', '\u001b[2J', '\n', 'é', '😀', '\\u0000', '\\ud800'];

/** 10,000 characters: wildcards that bait backtracking, a long ARN, or plain text. */
function hugeString(r: Prng): string {
  const unit = r.pick(['*', 'a', '?*', '*a*b', 'arn:aws:s3:::', 'arn:aws:iam::111122223333:role/', '${aws:username}']);
  return unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
}

export const MUTATIONS: ReadonlyArray<{ name: string; apply: Mutation }> = [
  { name: 'delete a span', apply: (t, r) => { const [a, b] = span(t, r); return t.slice(0, a) + t.slice(b); } },
  { name: 'duplicate a span', apply: (t, r) => { const [a, b] = span(t, r); return t.slice(0, b) + t.slice(a, b) + t.slice(b); } },
  {
    name: 'swap two spans',
    apply: (t, r) => {
      const [a, b] = span(t, r);
      const [c, d] = span(t, r);
      if (b > c) return t;
      return t.slice(0, a) + t.slice(c, d) + t.slice(b, c) + t.slice(a, b) + t.slice(d);
    },
  },
  { name: 'truncate', apply: (t, r) => t.slice(0, r.int(t.length + 1)) },
  { name: 'retype a value', apply: (t, r) => { const s = stringAt(t, r); return s ? t.slice(0, s[0]) + r.pick(RETYPED) + t.slice(s[1]) : t; } },
  { name: 'odd characters', apply: (t, r) => { const at = r.int(t.length + 1); return t.slice(0, at) + r.pick(ODD_TEXT) + t.slice(at); } },
  { name: 'byte order mark', apply: (t) => `\uFEFF${t}` },
  { name: 'CRLF line ends', apply: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'huge number', apply: (t, r) => { const s = stringAt(t, r); return s ? t.slice(0, s[0]) + '9'.repeat(400) + 'e99999' + t.slice(s[1]) : t; } },
  { name: 'huge string', apply: (t, r) => { const s = stringAt(t, r); return s ? t.slice(0, s[0]) + JSON.stringify(hugeString(r)) + t.slice(s[1]) : t; } },
  { name: 'deep nesting', apply: (t, r) => { const s = stringAt(t, r); const d = r.pick([65, 1000, 10_000]); return s ? t.slice(0, s[0]) + '['.repeat(d) + ']'.repeat(d) + t.slice(s[1]) : t; } },
  {
    name: 'hostile key',
    apply: (t, r) => {
      const at = t.indexOf('{', r.int(t.length));
      return at < 0 ? t : `${t.slice(0, at + 1)}"${r.pick(HOSTILE_KEYS)}": ${r.pick(RETYPED)}, ${t.slice(at + 1)}`;
    },
  },
  {
    name: 'duplicate key',
    apply: (t, r) => {
      const m = [...t.matchAll(/"(\w+)"\s*:/g)];
      if (m.length === 0) return t;
      const k = r.pick(m);
      const at = t.indexOf('{', r.int(t.length));
      return at < 0 ? t : `${t.slice(0, at + 1)}"${k[1]}": ${r.pick(RETYPED)}, ${t.slice(at + 1)}`;
    },
  },
];

/** One to three mutations; the names say what was done, for the failure message. */
export function mutate(text: string, rng: Prng): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const m = rng.pick(MUTATIONS);
    out = m.apply(out, rng);
    applied.push(m.name);
  }
  return { text: out, applied };
}

// The language server keeps the analyses of the documents used most recently, not of every open
// document: memory stays bounded however many policies are open, and an evicted document is
// analysed again, with the same result, when it is next asked for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore, KEPT_ANALYSES, KEPT_TEXT_CHARS } from '../../../server/src/documentStore';

const policy = (n: number) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `S${n}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${n}/*` }] });

function newStore(): DocumentStore {
  return new DocumentStore({ kindOf: () => 'identity', maxFileSize: () => 64 * 1024 * 1024 });
}

test(`at most ${KEPT_ANALYSES} analyses are kept, the least recently used are dropped and come back the same`, async () => {
  const store = newStore();
  const docs = Array.from({ length: KEPT_ANALYSES + 10 }, (_, i) => TextDocument.create(`file:///w/p${i}.json`, 'json', 1, policy(i)));
  const first = await store.get(docs[0]);
  for (const d of docs.slice(1)) await store.get(d);
  assert.equal(store.size, KEPT_ANALYSES);
  // p0 was the least recently used: it was dropped, and is analysed again when asked for.
  const again = await store.get(docs[0]);
  assert.notEqual(again, first);
  assert.deepEqual(again.analysis.regions.map((r) => r.model.statements.length), first.analysis.regions.map((r) => r.model.statements.length));
  assert.equal(store.size, KEPT_ANALYSES);
  // Asking for a kept document makes it the most recent: it survives the next arrivals.
  const recent = docs[docs.length - KEPT_ANALYSES + 1];
  const kept = await store.get(recent);
  for (let i = 0; i < KEPT_ANALYSES - 1; i++) await store.get(TextDocument.create(`file:///w/q${i}.json`, 'json', 1, policy(1000 + i)));
  assert.equal(await store.get(recent), kept);
});

test('the kept analyses describe at most a bounded amount of text; one larger document is still kept alone', async () => {
  const store = newStore();
  const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b/${'k'.repeat(200)}${i}` });
  const big = (n: number, count: number) => TextDocument.create(`file:///w/big${n}.json`, 'json', 1, JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }));
  // Three documents of ~3.3 M characters each: the first is dropped when the third arrives.
  const count = Math.ceil(KEPT_TEXT_CHARS / 2.5 / 260);
  const [a, b, c] = [big(1, count), big(2, count), big(3, count)];
  const analysedA = await store.get(a);
  await store.get(b);
  assert.equal(store.size, 2);
  await store.get(c);
  assert.equal(store.size, 2);
  assert.notEqual(await store.get(a), analysedA);
  // A document larger than the whole bound is kept on its own.
  const huge = big(4, Math.ceil((KEPT_TEXT_CHARS * 1.1) / 260));
  const analysedHuge = await store.get(huge);
  assert.equal(store.size, 1);
  assert.equal(await store.get(huge), analysedHuge);
});

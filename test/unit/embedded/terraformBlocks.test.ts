// The scan that finds a `.tf` file's top-level blocks without the parser (so that blocks holding
// no policy are not parsed) must find exactly the blocks the Terraform parser finds, or give up:
// checked over every Terraform file of the shared corpus and every Terraform fixture.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { blockRanges } from '../../../server/src/embedded/terraform/blockRanges';
import { blocksOf } from '../../../server/src/embedded/terraform/hcl';
import { loadTerraformParser, parseTerraformNow } from '../../../server/src/embedded/terraform/parser';
import { findCorpus } from '../lint/corpusPath';
import { loadCaseFiles } from './embeddedCases';

function parsedBlocks(text: string): Array<{ start: number; end: number }> | undefined {
  const tree = parseTerraformNow(text);
  if (!tree || tree === 'not loaded') throw new Error('the Terraform parser is not loaded');
  try {
    if (tree.rootNode.hasError) return undefined;
    return blocksOf(tree.rootNode.namedChildren.find((n) => n?.type === 'body')).map((b) => ({ start: b.node.startIndex, end: b.node.endIndex }));
  } finally {
    tree.delete();
  }
}

function terraformTexts(): Array<{ name: string; text: string }> {
  const dir = join(findCorpus(), 'terraform');
  const corpus = readdirSync(dir)
    .filter((n) => n.endsWith('.tf'))
    .map((n) => ({ name: `corpus ${n}`, text: readFileSync(join(dir, n), 'utf8') }));
  const fixtures = loadCaseFiles().flatMap(({ file, cases }) =>
    cases.filter((c) => c.file.endsWith('.tf')).flatMap((c) => [{ name: `${file}: ${c.name}`, text: c.text.join('\n') }, ...Object.entries(c.siblings ?? {}).map(([n, lines]) => ({ name: `${file}: ${c.name} (${n})`, text: lines.join('\n') }))]),
  );
  return [...corpus, ...fixtures];
}

before(async () => {
  await loadTerraformParser();
});

test("the block scan finds the parser's top-level blocks in every corpus file and Terraform fixture", () => {
  let scanned = 0;
  for (const { name, text } of terraformTexts()) {
    const scan = blockRanges(text, () => true);
    if (!scan) continue; // gave up: the whole file is parsed, as before
    scanned++;
    const parsed = parsedBlocks(text);
    // A file with a syntax error is compared only where the scan read it: it keeps nothing the parser would not.
    if (parsed) assert.deepEqual(scan, parsed, name);
  }
  assert.ok(scanned >= 190, `the scan read ${scanned} files`);
});

test('the scan keeps only the blocks asked for, and gives up on what it does not read', () => {
  const text = ['variable "a" {', '  default = "}"', '}', 'resource "aws_iam_policy" "p" {', '  policy = <<EOF', '}', 'EOF', '}', ''].join('\n');
  assert.deepEqual(blockRanges(text, (type) => type === 'resource'), [{ start: text.indexOf('resource'), end: text.length - 1 }]);
  assert.equal(blockRanges('top = "level"\n', () => true), undefined, 'an attribute at the top level');
  assert.equal(blockRanges('locals {\n  a = "open\n}\n', () => true), undefined, 'a string that does not end on its line');
  assert.equal(blockRanges('locals {\n  a = <<EOF\n  x\n}\n', () => true), undefined, 'a heredoc without its end');
  assert.equal(blockRanges('locals {\n  /* open\n}\n', () => true), undefined, 'a comment that does not end');
  assert.equal(blockRanges('locals {\n  a = 1\n', () => true), undefined, 'a block that does not end');
});

// A keystroke in a YAML template re-parses only the edited policy's block: what it finds is what
// a full parse of the edited text finds, policy for policy, node for node.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Node } from 'jsonc-parser';
import { updatedYamlTemplateState, yamlTemplateState, type YamlTemplateState } from '../../../server/src/embedded/cloudformation/incrementalYaml';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'cloudformation');

function shape(node: Node): unknown {
  return [node.type, node.offset, node.length, node.value ?? null, (node.children ?? []).map(shape)];
}

function summary(state: YamlTemplateState | undefined) {
  return state?.entries.map(({ found: f }) => ({ locator: f.locator, kind: f.kind, hostRange: f.hostRange, anchor: f.anchor, unknownRanges: f.unknownRanges, root: shape(f.root) }));
}

/** One-character edits inside the policies: a letter typed into an action, one taken out, a quote opened. */
function edits(text: string): string[] {
  const out: string[] = [];
  for (const needle of ['s3:', 'sts:AssumeRole', 'Effect: Allow', 'Resource:', '"*"', '!Sub', 'Condition:']) {
    for (let at = text.indexOf(needle), n = 0; at >= 0 && n < 3; at = text.indexOf(needle, at + 1), n++) {
      const i = at + Math.min(2, needle.length - 1);
      out.push(text.slice(0, i) + 'x' + text.slice(i), text.slice(0, i) + text.slice(i + 1), text.slice(0, i) + '"' + text.slice(i));
    }
  }
  return out;
}

test('every one-line edit of the corpus YAML templates finds what a full parse finds', () => {
  const names = readdirSync(CORPUS).filter((n) => /\.ya?ml$/.test(n)).sort().slice(0, 40);
  let incremental = 0;
  let checked = 0;
  for (const name of names) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    const before = yamlTemplateState(text);
    if (!before) continue;
    for (const edited of edits(text)) {
      const updated = updatedYamlTemplateState(before, edited);
      checked++;
      if (!updated) continue;
      incremental++;
      assert.deepEqual(summary(updated), summary(yamlTemplateState(edited)), `${name}: an edit at ${[...edited].findIndex((c, i) => c !== text[i])}`);
    }
  }
  // Most edits stay inside one policy, on one line: they take the short path.
  assert.ok(incremental > checked / 3, `${incremental} of ${checked} edits took the short path`);
});

// A keystroke in a YAML template, without parsing the whole template again. Parsing is most of
// the time a keystroke costs in a 3,000-line template. An edit that stays inside one policy's
// block, on one line, re-parses that block alone (padded to its column, so its lines keep their
// indentation) and moves every policy after it by the edit's length. Anything else (an edit
// across lines, in indentation, outside every policy, or a block that no longer parses alone) is
// a full parse.
import type { Node } from 'jsonc-parser';
import type { FoundPolicy } from '../foundPolicy';
import { addChild, type MutableNode } from '../tree';
import { foundAt, isTemplate, templateEntries } from './index';
import { templateContext, type TemplateContext } from './intrinsics';
import type { PolicyLocation } from './locations';
import { parseYamlTree } from './yamlTree';

export interface YamlTemplateState {
  text: string;
  ctx: TemplateContext;
  entries: Array<{ location: PolicyLocation; found: FoundPolicy }>;
}

/** A full parse; undefined when the text is no template. */
export function yamlTemplateState(text: string): YamlTemplateState | undefined {
  const { root } = parseYamlTree(text);
  if (!root || !isTemplate(root)) return undefined;
  const ctx = templateContext(root);
  return { text, ctx, entries: templateEntries(ctx, 'yaml') };
}

/** The state for `text` from the state of the text before one edit, or undefined when only a full parse will do. */
export function updatedYamlTemplateState(previous: YamlTemplateState, text: string): YamlTemplateState | undefined {
  const old = previous.text;
  if (old === text) return previous;
  let prefix = 0;
  const shorter = Math.min(old.length, text.length);
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  const delta = text.length - old.length;
  // One line, not in its indentation.
  if (old.slice(prefix, oldEnd).includes('\n') || text.slice(prefix, newEnd).includes('\n')) return undefined;
  const lineStart = text.lastIndexOf('\n', prefix - 1) + 1;
  if (/^\s*$/.test(text.slice(lineStart, prefix))) return undefined;
  // A mapping's values are copied into the policies that look them up: Mappings after the edit would have moved.
  const mappings = previous.ctx.mappings;
  if (mappings && mappings.offset + mappings.length >= prefix) return undefined;
  const edited = previous.entries.find((e) => e.found.hostRange.start < prefix && oldEnd < e.found.hostRange.end);
  if (!edited || edited.location.synthetic) return undefined;
  // Another policy inside the edited one's block (none in practice) would need the full parse too.
  if (previous.entries.some((e) => e !== edited && e.found.hostRange.start <= prefix && oldEnd <= e.found.hostRange.end)) return undefined;
  const start = edited.found.hostRange.start;
  const end = edited.found.hostRange.end + delta;
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  const padded = ' '.repeat(column) + text.slice(start, end);
  const sub = parseYamlTree(padded);
  if (!sub.root || sub.errors > 0 || sub.root.type !== 'object') return undefined;
  const node = shiftTree(sub.root, start - column);
  if (node.offset !== start || node.offset + node.length !== end) return undefined;
  const found = foundAt({ ...edited.location, node }, previous.ctx, 'yaml');
  if (!found) return undefined;
  found.anchor = edited.found.anchor;
  const entries = previous.entries.map((e) => {
    if (e === edited) return { location: { ...edited.location, node }, found };
    return e.found.hostRange.start >= oldEnd ? { location: e.location, found: shiftFound(e.found, delta, oldEnd) } : e;
  });
  return { text, ctx: previous.ctx, entries };
}

/** A policy after the edit, moved; what it copied from before the edit (a mapping's value) stays. */
function shiftFound(f: FoundPolicy, by: number, from: number): FoundPolicy {
  const move = (offset: number) => (offset >= from ? offset + by : offset);
  return {
    ...f,
    root: shiftTree(f.root, by, from),
    hostRange: { start: move(f.hostRange.start), end: move(f.hostRange.end) },
    anchor: move(f.anchor),
    unknownRanges: f.unknownRanges.map((u) => ({ start: move(u.start), end: move(u.end) })),
  };
}

/** A copy of a tree with the offsets from `from` on moved by `by`; the copy's root has no parent. */
function shiftTree(node: Node, by: number, from = 0): Node {
  const move = (offset: number) => (offset >= from ? offset + by : offset);
  const copy: MutableNode = { type: node.type, offset: move(node.offset), length: node.length };
  if (node.value !== undefined) copy.value = node.value;
  if (node.colonOffset !== undefined) copy.colonOffset = move(node.colonOffset);
  if (node.children) {
    copy.children = [];
    for (const c of node.children) addChild(copy, shiftTree(c, by, from));
  }
  return copy;
}

// The checks of an embedded policy, kept across edits of its host file: a keystroke in a
// 3,000-line template changes one of its 200 policies, and only that one is checked again. A
// policy whose value, text and kind are what they were has the same problems, moved by as many
// characters as the text before it grew or shrank.
import type { Problem } from './problem';

const KEPT = 4096;
const cache = new Map<string, { start: number; problems: Problem[] }>();

export function cachedProblems(key: string, start: number): Problem[] | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  // Most recently used last, so the oldest go first.
  cache.delete(key);
  cache.set(key, hit);
  const by = start - hit.start;
  return by === 0 ? hit.problems : hit.problems.map((p) => ({ ...p, range: { start: p.range.start + by, end: p.range.end + by } }));
}

export function keepProblems(key: string, start: number, problems: Problem[]): void {
  if (cache.size >= KEPT) cache.delete(cache.keys().next().value!);
  cache.set(key, { start, problems });
}

// Wildcard matching for IAM patterns (`*` = any run, `?` = one character), without regular
// expressions: a policy author controls the pattern, so no backtracking engine may see it.
//
// The pattern is split at `*` into literal segments (which may hold `?`). The first segment
// must match at the start, the last at the end, and each middle segment is placed at its
// leftmost possible position: leftmost placement never loses a match, so no segment is ever
// retried. Work is bounded by |pattern| × |input| in the worst case and is linear for the
// patterns IAM uses (short literals between stars).

export interface WildcardPattern {
  /** Literal segments between `*`s; `?` inside a segment matches any one character. */
  segments: string[];
  hasStar: boolean;
  /** Whether the comparison ignores case (actions do; ARNs and strings do not). */
  ignoreCase: boolean;
}

export function compileWildcard(pattern: string, ignoreCase = false): WildcardPattern {
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  const segments = text.split('*');
  return { segments, hasStar: segments.length > 1, ignoreCase };
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

// Patterns repeat across rules and keystrokes; compiling is the costly part, so keep recent ones.
const compiled = [new Map<string, WildcardPattern>(), new Map<string, WildcardPattern>()];
const CACHE_LIMIT = 20000;

function cachedCompile(pattern: string, ignoreCase: boolean): WildcardPattern {
  const cache = compiled[ignoreCase ? 1 : 0];
  let p = cache.get(pattern);
  if (!p) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    p = compileWildcard(pattern, ignoreCase);
    cache.set(pattern, p);
  }
  return p;
}

/** True when `input` matches `pattern` (compiled or raw). */
export function wildcardMatch(pattern: WildcardPattern | string, input: string, ignoreCase = false): boolean {
  const p = typeof pattern === 'string' ? cachedCompile(pattern, ignoreCase) : pattern;
  const s = p.ignoreCase ? input.toLowerCase() : input;
  const segs = p.segments;
  if (!p.hasStar) return s.length === segs[0].length && segmentAt(segs[0], s, 0);
  const first = segs[0];
  const last = segs[segs.length - 1];
  if (s.length < first.length + last.length) return false;
  if (!segmentAt(first, s, 0)) return false;
  const endStart = s.length - last.length;
  if (!segmentAt(last, s, endStart)) return false;
  let pos = first.length;
  for (let i = 1; i < segs.length - 1; i++) {
    const seg = segs[i];
    if (seg.length === 0) continue;
    const found = findSegment(seg, s, pos, endStart);
    if (found < 0) return false;
    pos = found + seg.length;
  }
  return true;
}

/** Whether `seg` (with `?` as any one character) matches `s` at offset `at`. */
function segmentAt(seg: string, s: string, at: number): boolean {
  if (at + seg.length > s.length) return false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (c !== 63 /* ? */ && c !== s.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost offset ≥ from where `seg` fits entirely before `limit`, or -1. */
function findSegment(seg: string, s: string, from: number, limit: number): number {
  if (!seg.includes('?')) {
    const at = s.indexOf(seg, from);
    return at >= 0 && at + seg.length <= limit ? at : -1;
  }
  for (let at = from; at + seg.length <= limit; at++) if (segmentAt(seg, s, at)) return at;
  return -1;
}

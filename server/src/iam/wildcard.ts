// Wildcard matching for `*` (any run, including empty) and `?` (exactly one character): the
// one matcher of actions, ARNs, StringLike values and the IAM reference's templates, used by the
// engine, the linter and the hovers alike, so they cannot disagree about what a wildcard means.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
//
// A policy author controls the pattern, so matching must not depend on backtracking: a
// pattern is split at its stars into fixed-length segments; the first must be a prefix,
// the last a suffix, and every middle one is found at its leftmost position after the
// previous one. Taking the leftmost occurrence is always safe (later segments only gain
// room), so no position is ever revisited. Segments without `?` are found with
// Knuth–Morris–Pratt (linear); segments with `?` use a bit-parallel shift-and scan
// (text length × segment length / 32 word operations, still without backtracking).

/** Pattern text in which `*` and `?` are wildcards, or literal text (e.g. from `${*}`). */
export type GlobPart = { kind: 'pattern'; text: string } | { kind: 'literal'; text: string };

interface Segment {
  /** Characters to compare; positions flagged in `anyAt` match any one character. */
  text: string;
  anyAt: Uint8Array | undefined;
  /** True when every position is `?`: the leftmost occurrence is wherever the search starts. */
  allAny: boolean;
  /**
   * KMP failure table, for segments without `?`; built on the first search (`failureOf`): only a
   * middle segment is ever searched for, and most patterns have none (`s3:Get*`, `arn:aws:s3:::b/*`).
   */
  failure: Int32Array | undefined;
  /** Shift-and masks, for segments with `?`: per character, and for any other character. */
  masks: Map<number, Uint32Array> | undefined;
  anyMask: Uint32Array | undefined;
}

export interface Glob {
  readonly source: string;
  readonly ignoreCase: boolean;
  /** True when the pattern holds no star: the whole value must match the single segment. */
  readonly anchored: boolean;
  /** True for a pattern made only of stars. */
  readonly matchesEverything: boolean;
  readonly segments: readonly Segment[];
  readonly minLength: number;
}

export function compileGlob(pattern: string, ignoreCase = false): Glob {
  return compileGlobParts([{ kind: 'pattern', text: pattern }], ignoreCase);
}

const STAR = 0x2a;
const QUESTION = 0x3f;

export function compileGlobParts(parts: readonly GlobPart[], ignoreCase = false): Glob {
  const segments: Segment[] = [];
  let text = '';
  let anyAt: number[] | undefined;
  let stars = 0;
  let source = '';
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const t = part.text;
    source += t;
    if (part.kind === 'literal') {
      text += t;
      continue;
    }
    // Literal runs are copied whole; only the wildcards are looked at one by one.
    let from = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === STAR) {
        text += t.slice(from, i);
        from = i + 1;
        stars++;
        // Consecutive stars leave empty middle segments: they constrain nothing.
        if (text.length > 0 || segments.length === 0) segments.push(makeSegment(ignoreCase ? text.toLowerCase() : text, anyAt));
        text = '';
        anyAt = undefined;
      } else if (c === QUESTION) {
        text += t.slice(from, i);
        from = i + 1;
        (anyAt ??= []).push(text.length);
        text += '?';
      }
    }
    text += from === 0 ? t : t.slice(from);
  }
  // The last segment is kept even when empty: it anchors the end of the value.
  segments.push(makeSegment(ignoreCase ? text.toLowerCase() : text, anyAt));
  let minLength = 0;
  for (let i = 0; i < segments.length; i++) minLength += segments[i].text.length;
  return {
    source,
    ignoreCase,
    anchored: stars === 0,
    matchesEverything: stars > 0 && minLength === 0,
    segments,
    minLength,
  };
}

function makeSegment(text: string, anyPositions: number[] | undefined): Segment {
  if (anyPositions === undefined) {
    return { text, anyAt: undefined, allAny: false, failure: undefined, masks: undefined, anyMask: undefined };
  }
  const m = text.length;
  const anyAt = new Uint8Array(m);
  // Lower-casing can change the length of a few exotic characters; positions past the end are dropped.
  for (const p of anyPositions) if (p < m) anyAt[p] = 1;
  const allAny = anyAt.every((x) => x === 1);
  if (allAny) return { text, anyAt, allAny, failure: undefined, masks: undefined, anyMask: undefined };
  const words = Math.ceil(m / 32);
  const anyMask = new Uint32Array(words);
  for (let i = 0; i < m; i++) if (anyAt[i]) anyMask[i >>> 5] |= 1 << (i & 31);
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i++) {
    if (anyAt[i]) continue;
    const c = text.charCodeAt(i);
    let mask = masks.get(c);
    if (!mask) {
      mask = Uint32Array.from(anyMask);
      masks.set(c, mask);
    }
    mask[i >>> 5] |= 1 << (i & 31);
  }
  return { text, anyAt, allAny, failure: undefined, masks, anyMask };
}

/** The KMP table of a segment without `?`, built once on first use (a glob is otherwise never changed). */
function failureOf(seg: Segment): Int32Array {
  return (seg.failure ??= kmpFailure(seg.text));
}

export function globMatches(glob: Glob, value: string): boolean {
  if (glob.matchesEverything) return true;
  return globMatchesFolded(glob, glob.ignoreCase ? value.toLowerCase() : value);
}

/** As `globMatches`, for a value already lower-cased when the glob ignores case (lower-case once, match many). */
export function globMatchesFolded(glob: Glob, text: string): boolean {
  if (glob.matchesEverything) return true;
  const segs = glob.segments;
  if (glob.anchored) return text.length === segs[0].text.length && segmentAt(segs[0], text, 0);
  if (text.length < glob.minLength) return false;
  const first = segs[0];
  const last = segs[segs.length - 1];
  if (!segmentAt(first, text, 0)) return false;
  const end = text.length - last.text.length;
  if (!segmentAt(last, text, end)) return false;
  let pos = first.text.length;
  for (let i = 1; i < segs.length - 1; i++) {
    const found = findSegment(segs[i], text, pos, end);
    if (found < 0) return false;
    pos = found + segs[i].text.length;
  }
  return pos <= end;
}

function segmentAt(seg: Segment, text: string, at: number): boolean {
  const s = seg.text;
  if (at < 0 || at + s.length > text.length) return false;
  for (let i = 0; i < s.length; i++) {
    if (seg.anyAt && seg.anyAt[i]) continue;
    if (s.charCodeAt(i) !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost start of `seg` inside text[from, to), or -1. */
function findSegment(seg: Segment, text: string, from: number, to: number): number {
  if (seg.allAny) return from + seg.text.length <= to ? from : -1;
  return seg.anyAt ? shiftAndFind(seg, text, from, to) : kmpFind(seg.text, failureOf(seg), text, from, to);
}

function kmpFailure(p: string): Int32Array {
  const f = new Int32Array(p.length);
  let k = 0;
  for (let i = 1; i < p.length; i++) {
    while (k > 0 && p.charCodeAt(i) !== p.charCodeAt(k)) k = f[k - 1];
    if (p.charCodeAt(i) === p.charCodeAt(k)) k++;
    f[i] = k;
  }
  return f;
}

function kmpFind(p: string, f: Int32Array, text: string, from: number, to: number): number {
  const m = p.length;
  if (m === 0) return from;
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== p.charCodeAt(k)) k = f[k - 1];
    if (c === p.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

function shiftAndFind(seg: Segment, text: string, from: number, to: number): number {
  return shiftAndScan(seg, text, from, to, () => true);
}

/**
 * The bit-parallel (shift-and) scan of a segment with `?` over text[from, to): calls `onMatch`
 * with each start offset, in order, until it returns true; returns that offset, or -1.
 */
function shiftAndScan(seg: Segment, text: string, from: number, to: number, onMatch: (start: number) => boolean): number {
  const m = seg.text.length;
  const masks = seg.masks!;
  const anyMask = seg.anyMask!;
  const words = anyMask.length;
  const state = new Uint32Array(words);
  const lastWord = (m - 1) >>> 5;
  const lastBit = 1 << ((m - 1) & 31);
  for (let i = from; i < to; i++) {
    const mask = masks.get(text.charCodeAt(i)) ?? anyMask;
    // state = ((state << 1) | 1) & mask, carrying each word's top bit into the next word.
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const next = state[w] >>> 31;
      state[w] = ((state[w] << 1) | carry) & mask[w];
      carry = next;
    }
    if (state[lastWord] & lastBit && onMatch(i - m + 1)) return i - m + 1;
  }
  return -1;
}

/**
 * Every offset of `text` where the glob's first segment (its text before the first star)
 * matches, in one scan: linear for a literal segment, (text length × segment length / 32) word
 * operations with `?`. Lets a caller try many start offsets without matching from each.
 */
export function firstSegmentOccurrences(glob: Glob, text: string): Uint8Array {
  const seg = glob.segments[0];
  const m = seg.text.length;
  const at = new Uint8Array(text.length + 1);
  if (m === 0 || seg.allAny) {
    for (let i = 0; i + m <= text.length; i++) at[i] = 1;
    return at;
  }
  if (!seg.anyAt) {
    const p = seg.text;
    const f = failureOf(seg);
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (k > 0 && c !== p.charCodeAt(k)) k = f[k - 1];
      if (c === p.charCodeAt(k)) k++;
      if (k === m) {
        at[i - m + 1] = 1;
        k = f[k - 1];
      }
    }
    return at;
  }
  shiftAndScan(seg, text, 0, text.length, (start) => {
    at[start] = 1;
    return false;
  });
  return at;
}

/** The length every match of an anchored glob (one without a star) has. */
export function anchoredLength(glob: Glob): number {
  return glob.segments[0].text.length;
}

// The linter's and the IAM reference's way in: patterns as plain strings, compiled on first use.

/** A compiled pattern, for callers that match one pattern against many values. */
export type WildcardPattern = Glob;

export function compileWildcard(pattern: string, ignoreCase = false): WildcardPattern {
  return compileGlob(pattern, ignoreCase);
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

// Patterns repeat across rules and keystrokes; compiling is the costly part, so keep recent ones.
const compiled = [new Map<string, Glob>(), new Map<string, Glob>()];
const CACHE_LIMIT = 20000;

function cachedCompile(pattern: string, ignoreCase: boolean): Glob {
  const cache = compiled[ignoreCase ? 1 : 0];
  let glob = cache.get(pattern);
  if (!glob) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    glob = compileGlob(pattern, ignoreCase);
    cache.set(pattern, glob);
  }
  return glob;
}

/** True when `input` matches `pattern`; a compiled pattern keeps the case rule it was compiled with. */
export function wildcardMatch(pattern: WildcardPattern | string, input: string, ignoreCase = false): boolean {
  return globMatches(typeof pattern === 'string' ? cachedCompile(pattern, ignoreCase) : pattern, input);
}

// Wildcard patterns compared with each other, not with one value: does every string one pattern
// matches also match the other (containment), and can any string match both (overlap)? The
// checks ask these of two policies' Action, Resource and condition patterns.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
//
// A policy variable (`${aws:username}`) stands for a value not known here: in the pattern that
// must be covered it may be anything (like `*`); in the covering pattern it covers only the same
// variable. Both choices can only turn a true "contained" into "not contained", never the reverse.
type Token = { t: 'star' } | { t: 'one' } | { t: 'char'; c: string } | { t: 'var'; text: string };

/** Longer patterns are compared as unequal text: the quadratic comparison is bounded. */
export const MAX_COMPARED_PATTERN = 4096;

function tokenize(pattern: string, ignoreCase: boolean): Token[] {
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end > 0) {
        const inner = text.slice(i + 2, end);
        // `${*}`, `${?}` and `${$}` are the escapes for literal characters.
        if (inner === '*' || inner === '?' || inner === '$') out.push({ t: 'char', c: inner });
        else out.push({ t: 'var', text: inner.toLowerCase() });
        i = end;
        continue;
      }
    }
    if (ch === '*') {
      if (out.length === 0 || out[out.length - 1].t !== 'star') out.push({ t: 'star' });
    } else if (ch === '?') out.push({ t: 'one' });
    else out.push({ t: 'char', c: ch });
  }
  return out;
}

export function hasWildcardOrVariable(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?') || pattern.includes('${');
}

/** True when every string `inner` can match is matched by `outer`. */
export function patternContains(outer: string, inner: string, ignoreCase = false): boolean {
  if (outer === '*' || outer === inner) return true;
  if (outer.length > MAX_COMPARED_PATTERN || inner.length > MAX_COMPARED_PATTERN) return false;
  const q = tokenize(outer, ignoreCase);
  const r = tokenize(inner, ignoreCase);
  const memo = new Uint8Array((q.length + 1) * (r.length + 1)); // 0 unknown, 1 false, 2 true
  const width = r.length + 1;
  // Iterative over (i, j) from the ends, so long patterns cannot overflow the stack.
  for (let i = q.length; i >= 0; i--) {
    for (let j = r.length; j >= 0; j--) {
      let ok: boolean;
      if (i === q.length) ok = j === r.length;
      else {
        const a = q[i];
        if (a.t === 'star') ok = memo[(i + 1) * width + j] === 2 || (j < r.length && memo[i * width + j + 1] === 2);
        else if (j === r.length) ok = false;
        else {
          const b = r[j];
          const next = memo[(i + 1) * width + j + 1] === 2;
          if (a.t === 'char') ok = b.t === 'char' && b.c === a.c && next;
          else if (a.t === 'one') ok = (b.t === 'char' || b.t === 'one') && next;
          else ok = b.t === 'var' && b.text === a.text && next;
        }
      }
      memo[i * width + j] = ok ? 2 : 1;
    }
  }
  return memo[0] === 2;
}

/** False only when no string can match both patterns (variables may be anything). */
export function patternsMayOverlap(a: string, b: string, ignoreCase = false): boolean {
  if (a === b || a === '*' || b === '*') return true;
  if (a.length > MAX_COMPARED_PATTERN || b.length > MAX_COMPARED_PATTERN) return true;
  const p = tokenize(a, ignoreCase).map(asOverlapToken);
  const q = tokenize(b, ignoreCase).map(asOverlapToken);
  const width = q.length + 1;
  const memo = new Uint8Array((p.length + 1) * width);
  for (let i = p.length; i >= 0; i--) {
    for (let j = q.length; j >= 0; j--) {
      let ok: boolean;
      const x = p[i];
      const y = q[j];
      if (i === p.length && j === q.length) ok = true;
      else if (x?.t === 'star' || y?.t === 'star') {
        ok =
          (x?.t === 'star' && memo[(i + 1) * width + j] === 2) ||
          (y?.t === 'star' && memo[i * width + j + 1] === 2) ||
          (x?.t === 'star' && j < q.length && memo[i * width + j + 1] === 2) ||
          (y?.t === 'star' && i < p.length && memo[(i + 1) * width + j] === 2);
      } else if (i === p.length || j === q.length) ok = false;
      else {
        const fits = x.t === 'one' || y.t === 'one' || (x.t === 'char' && y.t === 'char' && x.c === y.c);
        ok = fits && memo[(i + 1) * width + j + 1] === 2;
      }
      memo[i * width + j] = ok ? 2 : 1;
    }
  }
  return memo[0] === 2;
}

function asOverlapToken(t: Token): Token {
  return t.t === 'var' ? { t: 'star' } : t;
}

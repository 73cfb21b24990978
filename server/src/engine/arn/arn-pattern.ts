// ARN patterns, as used by Resource/NotResource and the Arn* condition operators: the six
// colon-separated parts are matched one by one, each with `*` and `?` wildcards, and the
// last part (the resource) keeps any further colons. A wildcard never crosses a colon
// between parts, but `*` in the resource part crosses `/`.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
//
// Pattern and value must have the same number of parts (six for any real ARN): the page
// says each of the six parts is checked separately, so `arn:aws:s3*` matches no S3 ARN.
// A lone `*` is the one exception and matches everything. The other exception: "If the `*`
// wildcard is the last character of a resource ARN segment, it can expand to match beyond
// colon boundaries" (Resource element page), so `arn:aws:logs:*:*:/aws-glue/*` matches
// `arn:aws:logs:us-east-1:111122223333:log-group:/aws-glue/jobs`.
import { ARN_PARTS, splitArn } from '../../iam/arn';
import { anchoredLength, compileGlobParts, firstSegmentOccurrences, globMatches, type Glob, type GlobPart } from '../../iam/wildcard';

export interface ArnPattern {
  source: string;
  parts: Glob[];
  matchesEverything: boolean;
  /** Per part before the resource: it ends with a `*` wildcard, so it may run past colons. */
  spills: boolean[];
  /** Some part spills. */
  anySpills: boolean;
}

export function compileArnPattern(parts: readonly GlobPart[]): ArnPattern {
  const split: GlobPart[][] = [[]];
  for (const part of parts) {
    let rest = part.text;
    while (split.length < ARN_PARTS) {
      const colon = rest.indexOf(':');
      if (colon < 0) break;
      if (colon > 0) split[split.length - 1].push({ kind: part.kind, text: rest.slice(0, colon) });
      split.push([]);
      rest = rest.slice(colon + 1);
    }
    if (rest) split[split.length - 1].push({ kind: part.kind, text: rest });
  }
  const globs = split.map((p) => compileGlobParts(p));
  const spills = split.slice(0, -1).map((p) => {
    const last = p[p.length - 1];
    return last !== undefined && last.kind === 'pattern' && last.text.endsWith('*');
  });
  return {
    source: parts.map((p) => p.text).join(''),
    parts: globs,
    matchesEverything: globs.length === 1 && globs[0].matchesEverything,
    spills,
    anySpills: spills.includes(true),
  };
}

export function arnMatches(pattern: ArnPattern, value: string): boolean {
  if (pattern.matchesEverything) return true;
  return arnMatchesSplit(pattern, value, splitArn(value));
}

/** As `arnMatches`, with the value already split by `splitArn` (split once, match many). */
export function arnMatchesSplit(pattern: ArnPattern, value: string, valueParts: readonly string[]): boolean {
  if (pattern.matchesEverything) return true;
  const globs = pattern.parts;
  if (valueParts.length === globs.length) {
    let all = true;
    for (let i = 0; i < globs.length; i++) {
      if (!globMatches(globs[i], valueParts[i])) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  // A spilling part can only run past a colon when the value has more than the five colons
  // of its six parts: with exactly six segments every part takes one, as matched above.
  return (
    globs.length === ARN_PARTS &&
    pattern.anySpills &&
    valueParts.length === ARN_PARTS &&
    valueParts[ARN_PARTS - 1].includes(':') &&
    spillingMatch(pattern, value)
  );
}

/**
 * Matching when some part ends with `*` and may absorb further colon-separated segments of the
 * value. `reachable` holds the value segments where the next pattern part can start; each part
 * is tried once per reachable segment, and a spilling part makes every later segment reachable,
 * so no combination of segments is ever enumerated.
 */
function spillingMatch(pattern: ArnPattern, value: string): boolean {
  const starts: number[] = [0];
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 58 /* : */) starts.push(i + 1);
  const segmentCount = starts.length;
  const segment = (j: number) => value.slice(starts[j], j + 1 < segmentCount ? starts[j + 1] - 1 : value.length);
  let reachable = new Uint8Array(segmentCount);
  reachable[0] = 1;
  for (let part = 0; part < ARN_PARTS - 1; part++) {
    const next = new Uint8Array(segmentCount);
    let any = false;
    for (let j = 0; j < segmentCount - 1; j++) {
      if (!reachable[j] || !globMatches(pattern.parts[part], segment(j))) continue;
      if (pattern.spills[part]) {
        // The part's own text matched within segment j; its trailing star runs on as far as
        // any later segment, leaving at least one for the parts after it.
        for (let k = j + 1; k < segmentCount && !next[k]; k++) next[k] = 1;
      } else {
        next[j + 1] = 1;
      }
      any = true;
    }
    if (!any) return false;
    reachable = next;
  }
  return resourceMatchesFromSome(pattern.parts[ARN_PARTS - 1], value, starts, reachable);
}

/**
 * Whether the resource glob matches the value from one of the reachable segment starts on,
 * colons included, without matching once per start (which made long values with many colons
 * quadratic). A glob without a star fixes the length, hence the one start that can work. A glob
 * with a star matches from start p whenever its first segment sits at p and the rest, which
 * begins with a star, matches from p + that segment; the rest matching from some offset also
 * matches from every earlier one, so only the earliest start where the first segment sits needs
 * the full match. Where the first segment sits is found in one scan of the value.
 */
function resourceMatchesFromSome(glob: Glob, value: string, starts: readonly number[], reachable: Uint8Array): boolean {
  if (glob.anchored) {
    const from = value.length - anchoredLength(glob);
    const j = sortedIndexOf(starts, from);
    return j >= 0 && reachable[j] === 1 && globMatches(glob, value.slice(from));
  }
  const occurs = firstSegmentOccurrences(glob, value);
  for (let j = 0; j < starts.length; j++) {
    if (reachable[j] && occurs[starts[j]]) return globMatches(glob, value.slice(starts[j]));
  }
  return false;
}

function sortedIndexOf(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === target) return mid;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

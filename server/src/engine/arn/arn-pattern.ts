// ARN patterns, as used by Resource/NotResource and the Arn* condition operators: the six
// colon-separated parts are matched one by one, each with `*` and `?` wildcards, and the
// last part (the resource) keeps any further colons. A wildcard never crosses a colon
// between parts, but `*` in the resource part crosses `/`.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
//
// Pattern and value must have the same number of parts (six for any real ARN): the page
// says each of the six parts is checked separately, so `arn:aws:s3*` matches no S3 ARN.
// A lone `*` is the one exception and matches everything.
import { compileGlobParts, globMatches, type Glob, type GlobPart } from '../wildcard/glob';

export const ARN_PARTS = 6;

export interface ArnPattern {
  source: string;
  parts: Glob[];
  matchesEverything: boolean;
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
  return {
    source: parts.map((p) => p.text).join(''),
    parts: globs,
    matchesEverything: globs.length === 1 && globs[0].matchesEverything,
  };
}

export function splitArn(value: string, parts: number = ARN_PARTS): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < parts - 1) {
    const colon = value.indexOf(':', start);
    if (colon < 0) break;
    out.push(value.slice(start, colon));
    start = colon + 1;
  }
  out.push(value.slice(start));
  return out;
}

export function arnMatches(pattern: ArnPattern, value: string): boolean {
  if (pattern.matchesEverything) return true;
  const valueParts = splitArn(value);
  if (valueParts.length !== pattern.parts.length) return false;
  for (let i = 0; i < pattern.parts.length; i++) {
    if (!globMatches(pattern.parts[i], valueParts[i])) return false;
  }
  return true;
}

/** The account part of an ARN, when it has one. */
export function arnAccount(value: string): string | undefined {
  const parts = splitArn(value);
  return parts.length === ARN_PARTS && parts[0] === 'arn' && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}

// Does one statement's condition imply another's? "Whenever the new statement's condition holds,
// the old one's holds too" lets a narrower new condition pass (fewer Regions, a smaller IP range,
// a shorter duration) and a dropped or widened one fail. Decided per condition entry, by operator
// family; anything not understood is implied only by the identical entry.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
import { readOperator, type WrittenOperator } from '../iam/condition-operators';
import { wildcardMatch } from '../iam/wildcard';
import { parseAddress } from '../iam/ip';
import { hasWildcardOrVariable, patternContains, patternsMayOverlap } from './patterns';

export interface CheckCondition {
  operator: string;
  key: string;
  lowerKey: string;
  values: string[];
  read: WrittenOperator;
}

export function checkCondition(operator: string, key: string, values: string[]): CheckCondition {
  return { operator, key, lowerKey: key.toLowerCase(), values, read: readOperator(operator) };
}

/** Every entry of `required` is implied by some entry of `given` (the conditions are ANDed). */
export function conditionsImply(given: readonly CheckCondition[], required: readonly CheckCondition[]): boolean {
  return required.every((r) => given.some((g) => entryImplies(g, r)));
}

/** The entries of `required` that `given` does not imply. */
export function unimpliedEntries(given: readonly CheckCondition[], required: readonly CheckCondition[]): CheckCondition[] {
  return required.filter((r) => !given.some((g) => entryImplies(g, r)));
}

export function sameEntry(a: CheckCondition, b: CheckCondition): boolean {
  if (a.lowerKey !== b.lowerKey || a.operator.toLowerCase() !== b.operator.toLowerCase()) return false;
  return sameSet(a.values, b.values);
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Whenever `g` holds for a request, `r` holds too. */
export function entryImplies(g: CheckCondition, r: CheckCondition): boolean {
  if (g.lowerKey !== r.lowerKey) return false;
  if (sameEntry(g, r)) return true;
  const a = g.read;
  const b = r.read;
  if (!a.facts || !b.facts || a.problem || b.problem) return false;
  if (a.qualifier !== b.qualifier) return false;
  // Without IfExists a positive operator needs the key; with it, a missing key passes.
  if (a.ifExists && !b.ifExists && !b.facts.negated) return false;
  const fa = a.facts.family;
  const fb = b.facts.family;
  const stringish = (f: string) => f === 'String' || f === 'Arn';
  if (stringish(fa) && stringish(fb)) return stringImplies(g, r);
  if (fa !== fb) return false;
  switch (fa) {
    case 'Numeric':
    case 'Date':
      return orderedImplies(g, r, fa);
    case 'Bool':
      return !a.facts.negated && !b.facts.negated && subset(lowered(g.values), lowered(r.values));
    case 'IpAddress':
      return ipImplies(g, r);
    case 'Null':
      return sameSet(lowered(g.values), lowered(r.values));
    default:
      return false;
  }
}

/**
 * Whether `entryImplies(g, r)` answering no is a proven no on the key they share: both entries
 * read, under the same set qualifier, in one family that is compared value by value here.
 * Entries on different keys are always decided (the request context may hold any value for
 * either). Case-insensitive entries against case-sensitive ones and mixed families are not.
 */
export function comparedExactly(g: CheckCondition, r: CheckCondition): boolean {
  if (g.lowerKey !== r.lowerKey) return true;
  const a = g.read;
  const b = r.read;
  if (!a.facts || !b.facts || a.problem || b.problem || a.qualifier !== b.qualifier) return false;
  const stringish = (f: string) => f === 'String' || f === 'Arn';
  if (stringish(a.facts.family) && stringish(b.facts.family)) return a.facts.name.includes('IgnoreCase') === b.facts.name.includes('IgnoreCase');
  return a.facts.family === b.facts.family && a.facts.family !== 'Binary';
}

function lowered(values: string[]): string[] {
  return values.map((v) => v.toLowerCase());
}

function subset(a: string[], b: string[]): boolean {
  const y = new Set(b);
  return a.every((v) => y.has(v));
}

interface StringMatcher {
  like: boolean;
  ignoreCase: boolean;
}

function matcherOf(c: CheckCondition): StringMatcher {
  const name = c.read.facts!.name;
  return { like: c.read.facts!.like || name === 'ArnEquals' || name === 'ArnNotEquals', ignoreCase: name.includes('IgnoreCase') };
}

/** Every request value `v` can match is matched by `w` (both as written under their operators). */
function valueCovered(v: string, gm: StringMatcher, w: string, rm: StringMatcher): boolean {
  if (v === w) return true;
  const vPattern = gm.like ? hasWildcardOrVariable(v) : v.includes('${');
  if (gm.ignoreCase) return rm.ignoreCase && !vPattern && v.toLowerCase() === w.toLowerCase();
  if (rm.like) return vPattern ? patternContains(w, v) : wildcardMatch(w, v);
  if (rm.ignoreCase) return !vPattern && v.toLowerCase() === w.toLowerCase();
  return false;
}

/** Some request value could match both `v` and `w`. */
function valuesMayMeet(v: string, gm: StringMatcher, w: string, rm: StringMatcher): boolean {
  if (gm.ignoreCase || rm.ignoreCase) return v.toLowerCase() === w.toLowerCase() || hasWildcardOrVariable(v) || hasWildcardOrVariable(w);
  const vp = gm.like ? v : v.replace(/[*?]/g, (c) => `\${${c}}`);
  const wp = rm.like ? w : w.replace(/[*?]/g, (c) => `\${${c}}`);
  return patternsMayOverlap(vp, wp);
}

function stringImplies(g: CheckCondition, r: CheckCondition): boolean {
  const gm = matcherOf(g);
  const rm = matcherOf(r);
  const gNeg = g.read.facts!.negated;
  const rNeg = r.read.facts!.negated;
  if (!gNeg && !rNeg) return g.values.every((v) => r.values.some((w) => valueCovered(v, gm, w, rm)));
  if (gNeg && rNeg) return r.values.every((w) => g.values.some((v) => valueCovered(w, rm, v, gm)));
  if (!gNeg && rNeg) return g.values.every((v) => r.values.every((w) => !valuesMayMeet(v, gm, w, rm)));
  return false;
}

interface Interval {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
  /** NotEquals: everything but one point. */
  except?: number;
}

function parseOrdered(text: string, family: 'Numeric' | 'Date'): number | undefined {
  if (family === 'Numeric') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

function intervalOf(name: string, x: number): Interval | undefined {
  const op = name.replace(/^(Numeric|Date)/, '');
  switch (op) {
    case 'Equals':
      return { lo: x, loIn: true, hi: x, hiIn: true };
    case 'NotEquals':
      return { lo: -Infinity, loIn: true, hi: Infinity, hiIn: true, except: x };
    case 'LessThan':
      return { lo: -Infinity, loIn: true, hi: x, hiIn: false };
    case 'LessThanEquals':
      return { lo: -Infinity, loIn: true, hi: x, hiIn: true };
    case 'GreaterThan':
      return { lo: x, loIn: false, hi: Infinity, hiIn: true };
    case 'GreaterThanEquals':
      return { lo: x, loIn: true, hi: Infinity, hiIn: true };
    default:
      return undefined;
  }
}

function intervalWithin(a: Interval, b: Interval): boolean {
  if (b.except !== undefined) {
    if (a.except !== undefined) return a.except === b.except;
    const p = b.except;
    const insideA = (p > a.lo || (p === a.lo && a.loIn)) && (p < a.hi || (p === a.hi && a.hiIn));
    return !insideA;
  }
  if (a.except !== undefined) return b.lo === -Infinity && b.hi === Infinity;
  const loOk = a.lo > b.lo || (a.lo === b.lo && (b.loIn || !a.loIn));
  const hiOk = a.hi < b.hi || (a.hi === b.hi && (b.hiIn || !a.hiIn));
  return loOk && hiOk;
}

function orderedImplies(g: CheckCondition, r: CheckCondition, family: 'Numeric' | 'Date'): boolean {
  const gi = g.values.map((v) => {
    const x = parseOrdered(v, family);
    return x === undefined ? undefined : intervalOf(g.read.facts!.name, x);
  });
  const ri = r.values.map((v) => {
    const x = parseOrdered(v, family);
    return x === undefined ? undefined : intervalOf(r.read.facts!.name, x);
  });
  if (gi.some((x) => !x) || ri.some((x) => !x)) return false;
  return gi.every((a) => ri.some((b) => intervalWithin(a!, b!)));
}

interface Range {
  version: 4 | 6;
  lo: bigint;
  hi: bigint;
}

function cidrRange(text: string): Range | undefined {
  const [addr, prefixText] = text.trim().split('/');
  const a = parseAddress(addr);
  if (!a) return undefined;
  const bits = a.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const lo = (a.value >> hostBits) << hostBits;
  return { version: a.version, lo, hi: lo + (1n << hostBits) - 1n };
}

function rangeWithin(a: Range, b: Range): boolean {
  return a.version === b.version && a.lo >= b.lo && a.hi <= b.hi;
}

function ipImplies(g: CheckCondition, r: CheckCondition): boolean {
  const gr = g.values.map(cidrRange);
  const rr = r.values.map(cidrRange);
  if (gr.some((x) => !x) || rr.some((x) => !x)) return false;
  const gNeg = g.read.facts!.negated;
  const rNeg = r.read.facts!.negated;
  if (!gNeg && !rNeg) return gr.every((a) => rr.some((b) => rangeWithin(a!, b!)));
  if (gNeg && rNeg) return rr.every((b) => gr.some((a) => rangeWithin(b!, a!)));
  if (!gNeg && rNeg) return gr.every((a) => rr.every((b) => a!.version !== b!.version || a!.hi < b!.lo || a!.lo > b!.hi));
  return false;
}

export function describeCondition(c: CheckCondition): string {
  const values = c.values.length === 1 ? JSON.stringify(c.values[0]) : `[${c.values.map((v) => JSON.stringify(v)).join(', ')}]`;
  return `${c.operator} ${c.key} ${values}`;
}

// A request context under which a statement's own conditions hold, where simple values allow
// it, so the engine can be asked about requests the statement really grants. Keys the
// statement fixes to one value (`StringEquals`, `Bool`, `NumericEquals`, `ArnEquals` … with a
// single value, no `IfExists`, no set qualifier) are "pinned": every request the statement
// matches carries that value, so another statement's condition on a pinned key is decided by
// the context alone. Any other key could take other values in real requests.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import type { ContextValue } from '../../engine/types';
import type { ScalarValue, Statement } from '../../policy/model';
import type { ParsedOperator } from '../../iam/condition-operators';
import { conditionUses } from '../support/statements';

export interface SatisfyingContext {
  context: Record<string, ContextValue>;
  /** Lower-case keys whose value is the same in every request the statement matches. */
  pinned: ReadonlySet<string>;
}

const SAMPLE_TEXT = 'iam-sts-studio-sample';

/** Operators that fix a key to one value when given one value without wildcards. */
const PINNING = new Set(['StringEquals', 'StringLike', 'NumericEquals', 'DateEquals', 'Bool', 'BinaryEquals', 'ArnEquals', 'ArnLike']);

/** `skipKey` leaves keys out (absent), e.g. the MFA keys a check varies itself. */
export function satisfyingContext(st: Statement, skipKey: (lowerKey: string) => boolean = () => false): SatisfyingContext {
  const context: Record<string, ContextValue> = {};
  const set = new Set<string>();
  const pinned = new Set<string>();
  for (const { entry, operator } of conditionUses(st)) {
    const key = entry.key.value;
    const lower = key.toLowerCase();
    if (!operator || skipKey(lower)) continue;
    const texts = entry.values.map(scalarText);
    // A value with a policy variable depends on the caller: no sample can stand for it.
    if (texts.length === 0 || texts.some((t) => t === undefined || t.includes('${'))) continue;
    const first = texts[0]!;
    if (operator.family === 'Null') {
      // `Null: false` wants the key present; `Null: true` wants it absent, as it is by default.
      if (texts.every((t) => t!.toLowerCase() === 'false') && !set.has(lower)) {
        set.add(lower);
        context[key] = SAMPLE_TEXT;
      }
      continue;
    }
    // Absent keys satisfy these: ForAllValues, …IfExists, negated operators.
    if (operator.qualifier === 'ForAllValues' || operator.ifExists || operator.negated) continue;
    const value = satisfyingValue(operator, first);
    if (value === undefined || set.has(lower)) continue;
    set.add(lower);
    context[key] = operator.qualifier === 'ForAnyValue' ? [value] : value;
    if (!operator.qualifier && texts.length === 1 && PINNING.has(operator.base) && !/[*?]/.test(first)) pinned.add(lower);
  }
  return { context, pinned };
}

function scalarText(v: ScalarValue): string | undefined {
  return v.jsonType === 'string' || v.jsonType === 'number' || v.jsonType === 'boolean' ? v.text : undefined;
}

function satisfyingValue(op: ParsedOperator, policyValue: string): string | undefined {
  switch (op.family) {
    case 'String':
    case 'Arn':
      return op.like ? fillWildcards(policyValue) : policyValue;
    case 'Bool':
    case 'Binary':
      return policyValue;
    case 'Numeric': {
      const n = Number(policyValue);
      if (!Number.isFinite(n)) return undefined;
      return String(op.base === 'NumericLessThan' ? n - 1 : op.base === 'NumericGreaterThan' ? n + 1 : n);
    }
    case 'Date': {
      const ms = /^\d+$/.test(policyValue.trim()) ? Number(policyValue) * 1000 : Date.parse(policyValue);
      if (Number.isNaN(ms)) return undefined;
      const shifted = op.base === 'DateLessThan' ? ms - 1000 : op.base === 'DateGreaterThan' ? ms + 1000 : ms;
      return new Date(shifted).toISOString();
    }
    case 'IpAddress':
      // The network address lies inside its own CIDR block.
      return policyValue.split('/')[0];
    default:
      return undefined;
  }
}

function fillWildcards(pattern: string): string {
  let out = '';
  for (const c of pattern) out += c === '*' ? SAMPLE_TEXT : c === '?' ? 'a' : c;
  return out;
}

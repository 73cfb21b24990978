// Where to point when the fault is something missing.
import type { OffsetRange, PolicyModel, Statement } from '../../policy/model';

/** A missing statement element: point at the statement's `Effect` (or its opening brace). */
export function statementAnchor(st: Statement): OffsetRange {
  const effectKey = st.keys.find((k) => k.value === 'Effect');
  return effectKey?.range ?? { start: st.range.start, end: st.range.start + 1 };
}

/** A missing policy element: point at the `Statement` key (or the opening brace). */
export function policyAnchor(model: PolicyModel): OffsetRange {
  return model.statementKeyRange ?? { start: model.range.start, end: model.range.start + 1 };
}

/**
 * The range of `[from, to)` inside a string value's text, when the source holds no escapes
 * (then value offsets map one to one onto the source after the opening quote); otherwise the whole value.
 */
export function subRange(valueRange: OffsetRange, valueText: string, from: number, to: number): OffsetRange {
  if (valueRange.end - valueRange.start !== valueText.length + 2) return valueRange;
  return { start: valueRange.start + 1 + from, end: valueRange.start + 1 + to };
}

// Date operators: ISO 8601 dates and times, or epoch seconds.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
import { defineOperator, type ConditionOperator } from './operator';

const EPOCH_SECONDS = /^\d+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch, or undefined when the text is neither epoch seconds nor ISO 8601. */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (EPOCH_SECONDS.test(t)) return Number(t) * 1000;
  if (!ISO_8601.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

const date = (name: string, compare: (request: number, policy: number) => boolean): ConditionOperator =>
  defineOperator<number>(name, {
    prepare: (v) => parseDate(v.text),
    test: (rv, pv) => {
      const ms = parseDate(rv);
      return ms !== undefined && compare(ms, pv);
    },
  });

export const dateOperators: readonly ConditionOperator[] = [
  date('DateEquals', (r, p) => r === p),
  date('DateNotEquals', (r, p) => r === p),
  date('DateLessThan', (r, p) => r < p),
  date('DateLessThanEquals', (r, p) => r <= p),
  date('DateGreaterThan', (r, p) => r > p),
  date('DateGreaterThanEquals', (r, p) => r >= p),
];

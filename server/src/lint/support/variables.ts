// Policy variables in element values: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`,
// and the escapes `${*}`, `${?}`, `${$}`. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
export interface VariableUse {
  /** Offset of `$` within the string value. */
  start: number;
  /** Offset after `}` (or the end of the value when the brace is missing). */
  end: number;
  /** Text between the braces. */
  inner: string;
  closed: boolean;
}

export function findVariables(value: string): VariableUse[] {
  const out: VariableUse[] = [];
  let from = 0;
  for (;;) {
    const start = value.indexOf('${', from);
    if (start < 0) return out;
    const close = value.indexOf('}', start + 2);
    const nextOpen = value.indexOf('${', start + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const end = nextOpen >= 0 ? nextOpen : value.length;
      out.push({ start, end, inner: value.slice(start + 2, end), closed: false });
      from = start + 2;
      continue;
    }
    out.push({ start, end: close + 1, inner: value.slice(start + 2, close), closed: true });
    from = close + 1;
  }
}

/** The escapes for literal `*`, `?` and `$`. */
export function isEscapeVariable(inner: string): boolean {
  return inner === '*' || inner === '?' || inner === '$';
}

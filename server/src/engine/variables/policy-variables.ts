// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'company-wide'}`, and the
// escapes `${*}`, `${?}`, `${$}` for a literal `*`, `?`, `$`.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// Only policies with "Version": "2012-10-17" substitute variables; in older policies the
// text is taken literally.
import type { GlobPart } from '../../iam/wildcard';

export interface VariablePart {
  kind: 'variable';
  /** Context key name as written (lookups are case-insensitive). */
  key: string;
  defaultValue: string | undefined;
  raw: string;
}

export type TemplatePart = GlobPart | VariablePart;

export interface Template {
  raw: string;
  parts: TemplatePart[];
  hasVariables: boolean;
}

/** Looks a single-valued context key up; undefined when absent or multivalued. */
export type VariableLookup = (key: string) => string | undefined;

export type ResolvedTemplate = { ok: true; parts: GlobPart[]; text: string } | { ok: false; unresolved: string[] };

export function parseTemplate(text: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || !text.includes('${')) {
    return { raw: text, parts: [{ kind: 'pattern', text }], hasVariables: false };
  }
  const parts: TemplatePart[] = [];
  let hasVariables = false;
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) break;
    const close = closingBrace(text, start + 2);
    if (close < 0) break;
    plain += text.slice(i, start);
    const inner = text.slice(start + 2, close).trim();
    const raw = text.slice(start, close + 1);
    if (inner === '*' || inner === '?' || inner === '$') {
      if (plain) parts.push({ kind: 'pattern', text: plain });
      plain = '';
      parts.push({ kind: 'literal', text: inner });
    } else {
      if (plain) parts.push({ kind: 'pattern', text: plain });
      plain = '';
      parts.push(parseVariable(inner, raw));
      hasVariables = true;
    }
    i = close + 1;
  }
  plain += text.slice(i);
  if (plain) parts.push({ kind: 'pattern', text: plain });
  return { raw: text, parts, hasVariables };
}

/** Index of the `}` closing a variable, skipping quoted default values ('' escapes a quote). */
function closingBrace(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        i++;
        continue;
      }
      quoted = !quoted;
    } else if (ch === '}' && !quoted) {
      return i;
    }
  }
  return -1;
}

function parseVariable(inner: string, raw: string): VariablePart {
  const comma = inner.indexOf(',');
  if (comma < 0) return { kind: 'variable', key: inner, defaultValue: undefined, raw };
  const key = inner.slice(0, comma).trim();
  const rest = inner.slice(comma + 1).trim();
  const quotedDefault = rest.length >= 2 && rest.startsWith("'") && rest.endsWith("'");
  // A default that is not quoted is malformed: the variable then has no usable default.
  const defaultValue = quotedDefault ? rest.slice(1, -1).replace(/''/g, "'") : undefined;
  return { kind: 'variable', key, defaultValue, raw };
}

/**
 * Substitutes variables. A value taken from the request is literal text: a `*` inside a
 * user name is not a wildcard. A variable with no value and no default cannot match.
 */
export function resolveTemplate(template: Template, lookup: VariableLookup): ResolvedTemplate {
  if (!template.hasVariables) {
    const parts = staticParts(template);
    return { ok: true, parts, text: parts.map((p) => p.text).join('') };
  }
  const parts: GlobPart[] = [];
  const unresolved: string[] = [];
  for (const part of template.parts) {
    if (part.kind !== 'variable') {
      parts.push(part);
      continue;
    }
    const value = lookup(part.key) ?? part.defaultValue;
    if (value === undefined) unresolved.push(part.raw);
    else parts.push({ kind: 'literal', text: value });
  }
  if (unresolved.length > 0) return { ok: false, unresolved };
  return { ok: true, parts, text: parts.map((p) => p.text).join('') };
}

/** The parts of a template known to hold no variables. */
export function staticParts(template: Template): GlobPart[] {
  return template.parts.filter((p): p is GlobPart => p.kind !== 'variable');
}

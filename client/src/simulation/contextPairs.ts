// "Simulate Request…" context input: `key=value` pairs → request context. Pure.
//
// Pairs are separated by commas or semicolons; a key given twice becomes a list (multivalued
// keys such as aws:TagKeys). Values are taken as written; the engine compares strings.

export type ContextPairs = Record<string, string | string[]>;

export function parseContextPairs(input: string): { context: ContextPairs; error?: string } {
  const context: ContextPairs = {};
  for (const raw of input.split(/[;,]/)) {
    const pair = raw.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) return { context: {}, error: `"${pair}" is not key=value (e.g. aws:SourceIp=10.1.2.3).` };
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!/^[A-Za-z0-9._-]+:[^\s=]+$/.test(key)) return { context: {}, error: `"${key}" is not a condition key (service:Name, e.g. aws:SecureTransport).` };
    // Keys are case-insensitive in AWS: a repeated key in another case is the same key.
    const existing = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
    if (existing === undefined) context[key] = value;
    else context[existing] = [...(Array.isArray(context[existing]) ? (context[existing] as string[]) : [context[existing] as string]), value];
  }
  return { context };
}

export function formatContextPairs(context: ContextPairs): string {
  return Object.entries(context)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((value) => `${k}=${value}`))
    .join(', ');
}

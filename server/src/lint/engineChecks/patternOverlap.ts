// Whether two wildcard patterns (`*` any run, `?` one character) could both match one string,
// answered conservatively: `false` only when that is certain, so a rule built on it reports
// only what cannot work. Deciding it exactly for two patterns with stars is possible but not
// needed: the mistakes worth reporting differ in a literal part (another service, another
// resource type prefix), which the literal prefix and suffix show.
import { hasWildcard, wildcardMatch } from '../../iam/wildcard';
import { splitArn, ARN_PARTS } from '../../iam/arn';

/** Case-sensitive, as ARN matching is (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html). */
export function patternsMayOverlap(a: string, b: string): boolean {
  const aOpen = hasWildcard(a);
  const bOpen = hasWildcard(b);
  if (!aOpen && !bOpen) return a === b;
  // A literal side decides it exactly.
  if (!aOpen) return wildcardMatch(b, a);
  if (!bOpen) return wildcardMatch(a, b);
  return compatible(literalPrefix(a), literalPrefix(b)) && compatible(reverse(literalSuffix(a)), reverse(literalSuffix(b)));
}

/**
 * Whether an ARN pattern (from a policy) and an ARN template (from the Service Authorization
 * Reference, `${Name}` standing for any text) could name the same resource. The parts are
 * compared one by one, as AWS matches them, except that "if the * wildcard is the last
 * character of a resource ARN segment, it can expand to match beyond the colon boundaries"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards):
 * from such a segment on, the rest is compared as one text (`arn:aws:logs:*:*:/aws-glue/*`
 * does cover `…:123456789012:log-group:/aws-glue/jobs`). A pattern that does not split into six
 * parts is not judged (true).
 */
export function arnPatternMayMatchTemplate(pattern: string | readonly string[], template: string): boolean {
  const p = typeof pattern === 'string' ? splitArn(pattern) : pattern;
  const t = templateParts(template);
  if (p.length !== ARN_PARTS || t.length !== ARN_PARTS) return true;
  for (let i = 0; i < ARN_PARTS; i++) {
    if (i < ARN_PARTS - 1 && p[i].endsWith('*')) return patternsMayOverlap(p.slice(i).join(':'), t.slice(i).join(':'));
    // Service prefixes are lower case; a wrongly cased one is INVALID_ARN_SERVICE_CASE's finding.
    const [pp, tp] = i === 2 ? [p[i].toLowerCase(), t[i]] : [p[i], t[i]];
    if (!patternsMayOverlap(pp, tp)) return false;
  }
  return true;
}

/** Reference templates are few and asked about on every keystroke: split once. */
const splitTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = splitArn(variablesToStars(template));
    if (parts.length > 2) parts[2] = parts[2].toLowerCase();
    splitTemplates.set(template, parts);
  }
  return parts;
}

/** `${anything}` → `*`: a reference template's name variables and a policy's variables stand for any text. */
export function variablesToStars(text: string): string {
  if (!text.includes('${')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) break;
    const close = text.indexOf('}', start + 2);
    if (close < 0) break;
    out += `${text.slice(i, start)}*`;
    i = close + 1;
  }
  return out + text.slice(i);
}

function literalPrefix(s: string): string {
  let i = 0;
  while (i < s.length && s[i] !== '*' && s[i] !== '?') i++;
  return s.slice(0, i);
}

function literalSuffix(s: string): string {
  let i = s.length;
  while (i > 0 && s[i - 1] !== '*' && s[i - 1] !== '?') i--;
  return s.slice(i);
}

/** One of the two literal runs is a prefix of the other. */
function compatible(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

// Policy size as AWS counts it. IAM does not count white space outside strings
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html); Organizations
// counts every character of an SCP or RCP as saved through the API
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html).

/** The last text measured: two size rules (managed and identity quotas) ask for each identity policy. */
let last: { text: string; size: number } | undefined;

/** Characters of a JSON text, not counting white space outside string literals. */
export function sizeWithoutWhitespace(text: string): number {
  if (last?.text !== text) last = { text, size: measure(text) };
  return last.size;
}

function measure(text: string): number {
  let size = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      size++;
      if (c === 92 /* \ */) {
        size++;
        i++;
      } else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 34) inString = true;
    size++;
  }
  return size;
}
